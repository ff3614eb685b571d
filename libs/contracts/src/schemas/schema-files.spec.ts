import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles } from './schema-files';

const PUBLISHED = join(__dirname, '..', '..', 'schemas');

describe('schemaFiles', () => {
  it.each(schemaFiles().map((file) => [file.fileName, file.json]))(
    'should match the committed %s (run `npm run schemas` after changing a schema)',
    (fileName, json) => {
      const committed: unknown = JSON.parse(readFileSync(join(PUBLISHED, fileName), 'utf8'));
      expect(committed).toEqual(JSON.parse(json));
    },
  );

  it('should publish no stale schema files', () => {
    expect(readdirSync(PUBLISHED).sort()).toEqual(
      schemaFiles()
        .map((f) => f.fileName)
        .sort(),
    );
  });

  it('should publish schemas that a fresh strict validator compiles on their own', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv);
    for (const file of schemaFiles()) {
      expect(() => ajv.compile(JSON.parse(file.json) as object)).not.toThrow();
    }
  });

  it('should give every schema a distinct urn:tamiz $id', () => {
    const ids = schemaFiles().map((file) => (JSON.parse(file.json) as { $id: string }).$id);
    expect(ids).toEqual([
      'urn:tamiz:schema:detection:1.0',
      'urn:tamiz:schema:alert:1.0',
      'urn:tamiz:schema:decision:1.0',
      'urn:tamiz:schema:dead-letter:1.0',
      'urn:tamiz:schema:authorisation-register:1.0',
    ]);
  });
});
