import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root, found from this file whether it runs from source or from dist/. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('project root not found');
    }
    dir = parent;
  }
  return dir;
}
