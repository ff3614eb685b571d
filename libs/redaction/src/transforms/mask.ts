import { DROP, type CompiledTransform, type MaskSpec } from './transform-spec';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Shows the first `keepFirst` and last `keepLast` characters and replaces the rest, one mask
 * character per hidden character, so the length stays visible. A string too short to hide
 * anything under those counts is masked whole: a mask always hides at least one character.
 * Characters are code points, so a surrogate pair is never split into invalid UTF-16.
 * Non-strings are dropped: a number or object has no characters to keep.
 */
export function compileMask(spec: MaskSpec): CompiledTransform {
  const keepFirst = spec.keepFirst ?? 0;
  const keepLast = spec.keepLast ?? 0;
  const kept = keepFirst + keepLast;
  const char = spec.char ?? '*';

  const maskUnits = (value: string): string => {
    const length = value.length;
    if (length <= kept) {
      return char.repeat(length);
    }
    return value.slice(0, keepFirst) + char.repeat(length - kept) + value.slice(length - keepLast);
  };
  const maskCodePoints = (value: string): string => {
    const points = Array.from(value);
    const length = points.length;
    if (length <= kept) {
      return char.repeat(length);
    }
    const head = points.slice(0, keepFirst).join('');
    return head + char.repeat(length - kept) + points.slice(length - keepLast).join('');
  };

  return Object.freeze({
    name: 'mask',
    apply: (value: unknown): unknown => {
      if (typeof value !== 'string') {
        return DROP;
      }
      // nearly every value is BMP-only, where UTF-16 units and code points coincide
      return SURROGATE.test(value) ? maskCodePoints(value) : maskUnits(value);
    },
  });
}
