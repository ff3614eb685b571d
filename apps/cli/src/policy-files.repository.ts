import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const FIXTURE_FILE = /\.(?:ya?ml|json)$/i;

/** The CLI's only file-system access: policy text and fixture directories. */
export class PolicyFilesRepository {
  readText(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }

  /** Fixture files directly in `dir`, sorted by name so every run reports in the same order. */
  async listFixtureFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && FIXTURE_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(dir, name));
  }
}
