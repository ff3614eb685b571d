import fc from 'fast-check';
import { compileTransform } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import type { TransformContext } from './transform-spec';

const ctx: TransformContext = {
  purposeId: 'p',
  occurredAt: '2026-03-14T08:00:00.000Z',
  keyring: hkdfKeyring(Buffer.alloc(32, 1)),
};

describe('mask: properties', () => {
  it('should never reveal more than keepFirst + keepLast characters', () => {
    const specArb = fc.record({
      keepFirst: fc.integer({ min: 0, max: 10 }),
      keepLast: fc.integer({ min: 0, max: 10 }),
      char: fc.constantFrom('*', '#', '•', '🙈'),
    });
    expect(() =>
      fc.assert(
        fc.property(specArb, fc.string({ unit: 'binary', maxLength: 40 }), (spec, raw) => {
          fc.pre(!raw.includes(spec.char));
          const out = compileTransform({ mask: spec }).apply(raw, ctx) as string;
          const rawPoints = Array.from(raw);
          const outPoints = Array.from(out);
          const shown = outPoints.filter((c) => c !== spec.char);
          // what shows is the raw value's own head and tail, in place, and the length is kept
          const head = outPoints.slice(0, spec.keepFirst).filter((c) => c !== spec.char);
          return (
            outPoints.length === rawPoints.length &&
            shown.length <= spec.keepFirst + spec.keepLast &&
            (shown.length === 0 || rawPoints.slice(0, head.length).join('') === head.join('')) &&
            (shown.length === 0 || raw.endsWith(shown.slice(head.length).join('')))
          );
        }),
        { numRuns: 10_000 },
      ),
    ).not.toThrow();
  });
});
