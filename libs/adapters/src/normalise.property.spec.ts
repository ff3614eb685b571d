import fc from 'fast-check';
import { ADAPTER_FORMATS, normalise, type AdapterInput, type AdapterResult } from '@lib/adapters';
import { parseDetection, ValidationIssueCode } from '@lib/contracts';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';

const CODES: ReadonlySet<string> = new Set(Object.values(ValidationIssueCode));
const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;

/** What must hold for any input: no crash, no adapter bug, valid events or explained issues. */
function problemsOf(result: AdapterResult): string[] {
  if (result.ok) {
    return result.items.flatMap((item) => {
      const parsed = parseDetection(Buffer.from(JSON.stringify(item.event)), { maxBytes: 1 << 20 });
      return parsed.ok ? [] : parsed.issues.map((i) => `${i.path} ${i.message}`);
    });
  }
  if (result.issues.length === 0) {
    return ['rejected without issues'];
  }
  return result.issues.flatMap((issue) => [
    ...(CODES.has(issue.code) ? [] : [`unknown code ${issue.code}`]),
    ...(POINTER.test(issue.path) ? [] : [`bad path ${issue.path}`]),
    // normalise's safety net caught an exception: an adapter bug, not a verdict on the input
    ...(issue.message.startsWith('adapter failed') ? [issue.message] : []),
  ]);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return [path, ...value.flatMap((item, i) => leafPaths(item, [...path, i]))];
  }
  if (value !== null && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))];
  }
  return [path];
}

function replaceAt(root: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) {
    return replacement;
  }
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, Json>;
  }
  node[path[path.length - 1]] = replacement;
  return copy;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '',
    'unknown',
    '\u0000\u001f',
    'é'.repeat(300),
    -1,
    1e308,
    2,
    '2025-02-30T00:00:00Z',
  ),
  // an own __proto__ key, as JSON.parse makes it
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as Json),
);

describe.each(ADAPTER_FORMATS.map((format) => [format]))(
  'normalise (%s) on garbled input',
  (format) => {
    const options = fixtureOptions(format);
    const inputs: AdapterInput[] = [
      ...fixtureCases(format, 'valid'),
      ...fixtureCases(format, 'invalid'),
    ].map((kase) => kase.input);
    const anInput = fc.constantFrom(...inputs);

    it('should never fail on random bytes', () => {
      fc.assert(
        fc.property(anInput, fc.uint8Array({ maxLength: 512 }), (input, bytes) => {
          expect(
            problemsOf(normalise(format, { ...input, payload: Buffer.from(bytes) }, options)),
          ).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });

    it('should never fail on truncated or bit-flipped fixtures', () => {
      fc.assert(
        fc.property(anInput, fc.nat(), fc.nat(255), fc.boolean(), (input, at, byte, truncate) => {
          const payload = Buffer.from(input.payload);
          const index = payload.length === 0 ? 0 : at % payload.length;
          const garbled = truncate
            ? payload.subarray(0, index)
            : payload.fill(byte, index, Math.min(index + 1, payload.length));
          expect(problemsOf(normalise(format, { ...input, payload: garbled }, options))).toEqual(
            [],
          );
        }),
        { numRuns: 300 },
      );
    });

    it('should never fail when any value of a JSON fixture is replaced', () => {
      const jsonInputs = inputs.filter((input) => {
        try {
          JSON.parse(input.payload.toString('utf8'));
          return input.payload.length > 0;
        } catch {
          return false;
        }
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...jsonInputs),
          fc.nat(),
          hostileValue,
          (input, pick, value) => {
            const root = JSON.parse(input.payload.toString('utf8')) as Json;
            const paths = leafPaths(root);
            const mutated = replaceAt(root, paths[pick % paths.length], value);
            const payload = Buffer.from(JSON.stringify(mutated));
            expect(problemsOf(normalise(format, { ...input, payload }, options))).toEqual([]);
          },
        ),
        { numRuns: 400 },
      );
    });
  },
);
