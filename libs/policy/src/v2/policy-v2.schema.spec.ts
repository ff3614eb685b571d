import Ajv from 'ajv';
// eslint-disable-next-line no-restricted-imports -- the spec compares the committed file; the lib does no IO
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDACT_REGIONS } from '@lib/redaction';
import { pePolicyDoc } from '../../test/v2/pe-policy.fixture';
import { parsePolicyText } from '../parse-policy-text';
import { validatePolicy } from '../validate-policy';
import { POLICY_SCHEMA_FILE } from './policy-schema-file';
import { POLICY_V2_JSON_SCHEMA, SCHEMA_REDACT_REGIONS } from './policy-v2.schema';

const ROOT = join(__dirname, '..', '..', '..', '..');
const ajv = new Ajv({ strict: true, allErrors: true });
const check = ajv.compile(POLICY_V2_JSON_SCHEMA);

function templates(): Array<[string, unknown]> {
  const dir = join(ROOT, 'policies');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.policy.yaml'))
    .map((name): [string, unknown] => [
      name,
      parsePolicyText(readFileSync(join(dir, name), 'utf8'), 'yaml'),
    ])
    .filter(([, doc]) => (doc as { apiVersion?: string }).apiVersion === 'tamiz/v2');
}

describe('POLICY_V2_JSON_SCHEMA', () => {
  it('should match the committed libs/policy/schemas file (run `npm run schemas` after a change)', () => {
    const committed = readFileSync(
      join(ROOT, 'libs', 'policy', 'schemas', POLICY_SCHEMA_FILE.fileName),
      'utf8',
    );
    expect(JSON.parse(committed)).toEqual(JSON.parse(POLICY_SCHEMA_FILE.json));
  });

  it('should list the snapshot regions @lib/redaction knows', () => {
    expect([...SCHEMA_REDACT_REGIONS]).toEqual([...REDACT_REGIONS]);
  });

  it('should accept the fixture policy', () => {
    expect(check(pePolicyDoc())).toBe(true);
  });

  it('should find at least one v2 template under policies/', () => {
    expect(templates().length).toBeGreaterThan(0);
  });

  it.each(templates())(
    'should accept the template %s, which validatePolicy accepts',
    (_name, doc) => {
      expect(validatePolicy(doc)).toEqual([]);
      expect(check(doc) ? [] : check.errors).toEqual([]);
    },
  );

  it.each<[string, (doc: Record<string, unknown>) => void]>([
    [
      'an unknown transform',
      (d) => ((d.purposes as Array<{ fields: object }>)[0].fields = { zone: 'hash' }),
    ],
    [
      'a missing legal basis',
      (d) => delete (d.purposes as Array<Record<string, unknown>>)[0].legalBasis,
    ],
    ['an unknown top-level key', (d) => (d.owner = 'x')],
    [
      'a Peruvian policy without registration',
      (d) => delete (d.metadata as Record<string, unknown>).dataBankRegistration,
    ],
    [
      'a time floor that does not divide a day',
      (d) =>
        ((d.purposes as Array<{ fields: object }>)[0].fields = {
          occurredAt: { generalize: { minutes: 7 } },
        }),
    ],
    [
      'a window at 25:00',
      (d) =>
        ((d.purposes as Array<Record<string, unknown>>)[6].windows = [
          { from: '08:00', to: '25:00' },
        ]),
    ],
  ])('should reject %s, as validatePolicy does', (_what, edit) => {
    const doc = pePolicyDoc() as unknown as Record<string, unknown>;
    edit(doc);
    expect(check(doc)).toBe(false);
    expect(validatePolicy(doc)).not.toEqual([]);
  });
});
