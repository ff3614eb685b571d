import fc from 'fast-check';
import { compileTransform } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import type { TransformContext } from './transform-spec';

const RUNS = { numRuns: 10_000 };
const keyring = hkdfKeyring(Buffer.alloc(32, 42));
const ROTATIONS: ReadonlyArray<[string, number]> = [
  ['PT15M', 900_000],
  ['PT1H', 3_600_000],
  ['PT6H', 21_600_000],
  ['P1D', 86_400_000],
];
// 2000-01-01 to 2100-01-01, as period indexes of the shortest rotation
const FIRST = Date.UTC(2000, 0, 1);
const YEARS_OF_QUARTERS = 100 * 366 * 96;

const rotationArb = fc.constantFrom(...ROTATIONS).map(([rotate, ms]) => ({
  transform: compileTransform({ pseudonymize: { rotate } }),
  ms,
}));
// fc.stringMatching costs ~50 µs a sample; 40,000 slugs are plenty to tell purposes apart
const purposeArb = fc
  .tuple(fc.constantFrom('delito-en-flagrancia', 'estadistica', 'transito', 'p'), fc.nat(9999))
  .map(([name, n]) => `${name}-${n}`);
// what fields hold: plates and track ids, numbers, small objects; fc.jsonValue costs ~10x more
const valueArb = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.record(
    { value: fc.string(), country: fc.constantFrom('PE', 'CL') },
    { requiredKeys: ['value'] },
  ),
);
/** An instant `offset` ms into period `index` of a rotation of `ms`. */
const at = (args: { index: number; offset: number; ms: number }): string =>
  new Date(FIRST + args.index * args.ms + (args.offset % args.ms)).toISOString();
const periodArb = fc.integer({ min: 0, max: Math.floor(YEARS_OF_QUARTERS / 96) });
const offsetArb = fc.integer({ min: 0, max: 86_400_000 - 1 });
const ctx = (purposeId: string, occurredAt: string): TransformContext => ({
  purposeId,
  occurredAt,
  keyring,
});

describe('pseudonymize: properties', () => {
  it('should be stable within a period', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.record({ rotation: rotationArb, value: valueArb, purpose: purposeArb }),
          fc.tuple(periodArb, offsetArb, offsetArb),
          ({ rotation: { transform, ms }, value, purpose }, [index, a, b]) =>
            transform.apply(value, ctx(purpose, at({ index, offset: a, ms }))) ===
            transform.apply(value, ctx(purpose, at({ index, offset: b, ms }))),
        ),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('should differ across periods', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.record({ rotation: rotationArb, value: valueArb, purpose: purposeArb }),
          // adjacent periods half the time: the boundary is where a mistake would show
          fc.tuple(
            periodArb,
            fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 1000 })),
            offsetArb,
            offsetArb,
          ),
          ({ rotation: { transform, ms }, value, purpose }, [p, step, a, b]) =>
            transform.apply(value, ctx(purpose, at({ index: p, offset: a, ms }))) !==
            transform.apply(value, ctx(purpose, at({ index: p + step, offset: b, ms }))),
        ),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('should differ across purposes', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.record({
            rotation: rotationArb,
            value: valueArb,
            instant: fc.tuple(periodArb, offsetArb),
          }),
          fc.tuple(purposeArb, purposeArb).filter(([p, q]) => p !== q),
          ({ rotation: { transform, ms }, value, instant: [index, offset] }, [p, q]) => {
            const when = at({ index, offset, ms });
            return transform.apply(value, ctx(p, when)) !== transform.apply(value, ctx(q, when));
          },
        ),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('should never equal or contain the raw value', () => {
    // below 8 characters a raw value can occur in 26 random base32 characters by chance
    const rawArb = fc.oneof(
      fc.string({ unit: 'binary', minLength: 8 }),
      fc.stringMatching(/^[a-z2-7]{8,26}$/),
      fc.integer({ min: 10_000_000 }),
      fc.array(fc.string(), { minLength: 3, maxLength: 5 }),
      fc.record({ value: fc.string({ minLength: 8 }) }),
    );
    expect(() =>
      fc.assert(
        fc.property(rotationArb, rawArb, (rotation, raw) => {
          const out = rotation.transform.apply(raw, ctx('p', '2026-03-14T08:00:00.000Z'));
          const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
          return typeof out === 'string' && out !== text && !out.includes(text);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });
});
