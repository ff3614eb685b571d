/**
 * Writes the policy v2 JSON Schema for editors (`# yaml-language-server: $schema=…` in a policy).
 * Run from the repository root: `npm run schemas` (then prettier formats the file). The unit
 * tests fail while the committed file differs from POLICY_V2_JSON_SCHEMA.
 */
// eslint-disable-next-line no-restricted-imports -- a build script, not the lib: it writes a file
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POLICY_SCHEMA_FILE } from '../src/v2/policy-schema-file';

const outDir = resolve(process.argv[2] ?? join('libs', 'policy', 'schemas'));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, POLICY_SCHEMA_FILE.fileName), POLICY_SCHEMA_FILE.json);
process.stdout.write(`wrote ${join(outDir, POLICY_SCHEMA_FILE.fileName)}\n`);
