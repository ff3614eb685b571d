/**
 * Writes the contract schemas as JSON for producers that validate without our code.
 * Run from the repository root: `npm run schemas` (then prettier formats the files).
 * The unit tests fail while the committed files differ from the schemas in code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schemaFiles } from '../src/schemas/schema-files';

const outDir = resolve(process.argv[2] ?? join('libs', 'contracts', 'schemas'));
mkdirSync(outDir, { recursive: true });
for (const file of schemaFiles()) {
  writeFileSync(join(outDir, file.fileName), file.json);
  process.stdout.write(`wrote ${join(outDir, file.fileName)}\n`);
}
