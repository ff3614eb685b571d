import { inspect } from 'node:util';
import fc from 'fast-check';
import { compileTransform } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import { DROP, REDACT_REGIONS, type TransformContext, type TransformSpec } from './transform-spec';

const RUNS = { numRuns: 10_000 };

const specArb: fc.Arbitrary<TransformSpec> = fc.oneof(
  fc.constantFrom<TransformSpec>('keep', 'drop'),
  fc.record({
    mask: fc.record(
      {
        keepFirst: fc.integer({ min: 0, max: 64 }),
        keepLast: fc.integer({ min: 0, max: 64 }),
        char: fc.constantFrom('*', '#', '•', '🙈'),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    pseudonymize: fc.record({ rotate: fc.constantFrom('PT15M', 'PT1H', 'PT12H', 'PT24H', 'P1D') }),
  }),
  fc.record({
    generalize: fc.oneof(
      fc.record({ ageBand: fc.integer({ min: 2, max: 100 }) }),
      fc.record({ minutes: fc.constantFrom(1, 5, 15, 60, 1440) }),
      fc.record({ meters: fc.integer({ min: 10, max: 1_000_000 }) }),
      fc.record({ boxGrid: fc.integer({ min: 1, max: 100 }) }),
    ),
  }),
  fc.record({
    bucket: fc.oneof(
      fc.record({ size: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) }),
      fc.record({
        edges: fc
          .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 10 })
          .map((edges) => edges.sort((a, b) => a - b)),
      }),
    ),
  }),
  fc.record({ redact: fc.subarray([...REDACT_REGIONS], { minLength: 1 }) }),
);

// every shape a field can hold, not only the one its transform expects
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer({ min: -10, max: 200 }),
  fc.constantFrom(null, undefined, true),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.record({ lat: fc.double({ min: -90, max: 90 }), lon: fc.double({ min: -180, max: 180 }) }),
  fc.record({ x: fc.double(), y: fc.double(), w: fc.double(), h: fc.double() }),
  fc.array(fc.string(), { maxLength: 3 }),
);

const contextArb = fc.record({
  purposeId: fc
    .tuple(fc.constantFrom('delito-en-flagrancia', 'estadistica', 'transito', 'p'), fc.nat(9999))
    .map(([name, n]) => `${name}-${n}`),
  occurredAt: fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
});

const print = (out: unknown): string =>
  out === DROP ? 'DROP' : (JSON.stringify(out) ?? String(out));

describe('transforms: properties', () => {
  const keyring = hkdfKeyring(Buffer.alloc(32, 9));

  it('should give identical output when applied twice, compiled once or twice', () => {
    expect(() =>
      fc.assert(
        fc.property(specArb, valueArb, contextArb, (spec, value, args) => {
          const ctx: TransformContext = { ...args, keyring };
          const once = compileTransform(spec);
          const first = print(once.apply(value, ctx));
          return (
            print(once.apply(value, ctx)) === first &&
            print(compileTransform(spec).apply(value, ctx)) === first
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('should never let the master secret or a derived key into an output or a printout', () => {
    const secretArb = fc.uint8Array({ minLength: 32, maxLength: 64 }).map((b) => Buffer.from(b));
    expect(() =>
      fc.assert(
        fc.property(secretArb, specArb, valueArb, contextArb, (secret, spec, value, args) => {
          const ring = hkdfKeyring(secret);
          const transform = compileTransform(spec);
          const key = ring.keyFor({
            purposeId: args.purposeId,
            periodStart: '2026-03-14T00:00:00.000Z',
          });
          const text = [
            print(transform.apply(value, { ...args, keyring: ring })),
            JSON.stringify({ ring, transform }),
            (ring as { toString(): string }).toString(),
            inspect(ring, { showHidden: true }),
            inspect(transform, { showHidden: true }),
          ].join('\n');
          const lower = text.toLowerCase();
          return [secret, key].every(
            (bytes) =>
              !lower.includes(bytes.toString('hex')) &&
              !text.includes(bytes.toString('base64')) &&
              !text.includes(bytes.toString('base64url')),
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });
});
