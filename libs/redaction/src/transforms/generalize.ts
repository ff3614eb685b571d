import { formatInstant, parseInstant } from './instant';
import { DROP, type CompiledTransform } from './transform-spec';

// Above this an "age" is a data error, not a person; dropping it beats a nonsense band.
export const MAX_AGE = 150;

/**
 * Age in years → the label of its band, `30-39` for bands of 10 starting at 0. Ages that are not
 * finite numbers in 0..150 are dropped. A string that is already one of this band's labels passes
 * unchanged, so applying the transform twice equals applying it once.
 */
export function compileAgeBand(years: number): CompiledTransform {
  // every label built once: the hot path only indexes
  const labels: string[] = [];
  for (let low = 0; low <= MAX_AGE; low += years) {
    labels.push(`${low}-${low + years - 1}`);
  }
  const known: ReadonlySet<string> = new Set(labels);
  return Object.freeze({
    name: 'generalize.ageBand',
    apply: (value: unknown): unknown => {
      if (typeof value === 'number') {
        // written so NaN fails too
        return value >= 0 && value <= MAX_AGE ? labels[Math.floor(value / years)] : DROP;
      }
      return typeof value === 'string' && known.has(value) ? value : DROP;
    },
  });
}

/**
 * RFC 3339 time → the start of its N-minute slot on the UTC clock, written as `toISOString`
 * (UTC, milliseconds, `Z`). N divides a day, so slots never straddle UTC midnight. Anything that
 * is not an RFC 3339 date-time with a zone is dropped.
 */
export function compileTimeFloor(minutes: number): CompiledTransform {
  const step = minutes * 60_000;
  // consecutive events mostly share a slot; formatting a Date is the costly part
  let lastSlot = NaN;
  let lastText = '';
  return Object.freeze({
    name: 'generalize.minutes',
    apply: (value: unknown): unknown => {
      if (typeof value !== 'string') {
        return DROP;
      }
      const at = parseInstant(value);
      if (Number.isNaN(at)) {
        return DROP;
      }
      const slot = Math.floor(at / step) * step;
      if (slot !== lastSlot) {
        const text = formatInstant(slot);
        if (text === undefined) {
          return DROP;
        }
        lastSlot = slot;
        lastText = text;
      }
      return lastText;
    },
  });
}
