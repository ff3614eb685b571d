import fc from 'fast-check';
import { compileTransform } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import { DROP, type TransformContext, type TransformSpec } from './transform-spec';

const RUNS = { numRuns: 10_000 };
const ctx: TransformContext = {
  purposeId: 'p',
  occurredAt: '2026-03-14T08:00:00.000Z',
  keyring: hkdfKeyring(Buffer.alloc(32, 3)),
};
const run = (spec: TransformSpec) => {
  const transform = compileTransform(spec);
  return (value: unknown): unknown => transform.apply(value, ctx);
};
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const pair = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, arb);

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const boxArb: fc.Arbitrary<Box> = fc
  .record({ x: unit, y: unit, w: unit, h: unit })
  .map(({ x, y, w, h }) => ({ x, y, w: w * (1 - x), h: h * (1 - y) }));

/** Lower bound of a bucket label: `(-inf,18)` → -Infinity, `[18,65)` → 18. */
const lowerBound = (label: string): number =>
  label.startsWith('(-inf') ? -Infinity : parseFloat(label.slice(1));

describe('generalize and bucket: properties', () => {
  it('age bands should be idempotent and monotone', () => {
    const ageArb = fc.double({ min: 0, max: 150, noNaN: true });
    expect(() =>
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 100 }), pair(ageArb), (ageBand, [a, b]) => {
          const band = run({ generalize: { ageBand } });
          const [low, high] = a <= b ? [band(a), band(b)] : [band(b), band(a)];
          return band(low) === low && parseInt(low as string, 10) <= parseInt(high as string, 10);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('time floors should be idempotent and monotone', () => {
    const instantArb = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    const divisors = [1, 5, 15, 30, 60, 90, 360, 1440];
    expect(() =>
      fc.assert(
        fc.property(fc.constantFrom(...divisors), pair(instantArb), (minutes, [a, b]) => {
          const floor = run({ generalize: { minutes } });
          const [low, high] = a <= b ? [floor(a), floor(b)] : [floor(b), floor(a)];
          const lowMs = Date.parse(low as string);
          return (
            floor(low) === low &&
            lowMs <= Date.parse(high as string) &&
            lowMs % (minutes * 60_000) === 0
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('geo grids should be idempotent, monotone, and move a point at most half a cell', () => {
    const latArb = fc.double({ min: -90, max: 90, noNaN: true });
    const lonArb = fc.double({ min: -180, max: 180, noNaN: true });
    expect(() =>
      fc.assert(
        fc.property(
          fc.integer({ min: 10, max: 100_000 }),
          fc.record({ lat: pair(latArb), lon: pair(lonArb) }),
          (meters, { lat: [lat1, lat2], lon: [lon1, lon2] }) => {
            const grid = run({ generalize: { meters } });
            const a = grid({ lat: Math.min(lat1, lat2), lon: lon1 }) as {
              lat: number;
              lon: number;
            };
            const b = grid({ lat: Math.max(lat1, lat2), lon: lon1 }) as {
              lat: number;
              lon: number;
            };
            const c = grid({ lat: lat1, lon: Math.min(lon1, lon2) }) as {
              lat: number;
              lon: number;
            };
            const d = grid({ lat: lat1, lon: Math.max(lon1, lon2) }) as {
              lat: number;
              lon: number;
            };
            const again = grid(a);
            // 0.2 m for the 1e-6° rounding of the output
            const northSouth = Math.abs(a.lat - Math.min(lat1, lat2)) * 111_320;
            // away from the poles, where a row may be narrower than one cell
            const eastWest =
              Math.abs(a.lat) > 80
                ? 0
                : Math.abs(a.lon - lon1) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
            return (
              JSON.stringify(again) === JSON.stringify(a) &&
              a.lat <= b.lat &&
              c.lon <= d.lon &&
              northSouth <= meters / 2 + 0.2 &&
              eastWest <= meters / 2 + 0.2
            );
          },
        ),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('box grids should be idempotent, monotone and contain the original box', () => {
    const tolerance = 1e-9;
    expect(() =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100 }), boxArb, unit, (boxGrid, box, shift) => {
          const snap = run({ generalize: { boxGrid } });
          const coarse = snap(box) as Box;
          const moved = snap({ ...box, x: box.x + shift * (1 - box.x - box.w) }) as Box;
          return (
            JSON.stringify(snap(coarse)) === JSON.stringify(coarse) &&
            coarse.x <= moved.x &&
            coarse.x + coarse.w <= moved.x + moved.w + tolerance &&
            coarse.x <= box.x + tolerance &&
            coarse.y <= box.y + tolerance &&
            coarse.x + coarse.w >= box.x + box.w - tolerance &&
            coarse.y + coarse.h >= box.y + box.h - tolerance &&
            coarse.x + coarse.w <= 1 + tolerance &&
            coarse.y + coarse.h <= 1 + tolerance
          );
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('bucket sizes should be idempotent and monotone', () => {
    const sizeArb = fc.oneof(
      fc.constantFrom(0.01, 0.1, 0.25, 1, 5, 10, 1000),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
    );
    const valueArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    expect(() =>
      fc.assert(
        fc.property(sizeArb, pair(valueArb), (size, [a, b]) => {
          const bucket = run({ bucket: { size } });
          const [low, high] = a <= b ? [bucket(a), bucket(b)] : [bucket(b), bucket(a)];
          return low !== DROP && bucket(low) === low && (low as number) <= (high as number);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('bucket edges should be idempotent and monotone', () => {
    const edgesArb = fc
      .uniqueArray(fc.double({ min: -1000, max: 1000, noNaN: true }), {
        minLength: 1,
        maxLength: 12,
      })
      .map((edges) => [...new Set(edges.map((e) => e + 0))].sort((p, q) => p - q));
    const valueArb = fc.double({ min: -2000, max: 2000, noNaN: true });
    expect(() =>
      fc.assert(
        fc.property(edgesArb, pair(valueArb), (edges, [a, b]) => {
          const bucket = run({ bucket: { edges } });
          const [low, high] = a <= b ? [bucket(a), bucket(b)] : [bucket(b), bucket(a)];
          return bucket(low) === low && lowerBound(low as string) <= lowerBound(high as string);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });
});
