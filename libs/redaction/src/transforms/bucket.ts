import { DROP, type CompiledTransform } from './transform-spec';

// Past 10⁹ buckets from zero the float error of value/size approaches the tolerance below, so
// the bucket is no longer certain; such values are dropped rather than misfiled.
export const MAX_BUCKET_INDEX = 1e9;
// value/size lands a few ulps below an integer when the value sits exactly on a bucket edge
// (0.3 / 0.1 = 2.9999999999999996); relative 1e-14 absorbs that (≤ 4e-16) and nothing more.
const RELATIVE_EPSILON = 1e-14;
const MAX_DECIMALS = 9;

/** Decimal places of `size` if it has at most 9 (0.25 → 2), else undefined. */
function decimalPlaces(size: number): number | undefined {
  for (let places = 0; places <= MAX_DECIMALS; places++) {
    const scaled = size * 10 ** places;
    // a few ulps: 0.29 · 100 is 28.999999999999996, yet 0.2937… must not pass as 0.29
    if (Math.abs(scaled - Math.round(scaled)) <= 4 * Number.EPSILON * scaled) {
      return places;
    }
  }
  return undefined;
}

/**
 * Number → the lower edge of its bucket, floor(v / size) · size, written as the nearest double to
 * the decimal (0.1-wide buckets give 0.3, not 0.30000000000000004). Non-finite numbers,
 * non-numbers and values more than 10⁹ buckets from zero are dropped.
 */
export function compileBucketSize(size: number): CompiledTransform {
  const places = decimalPlaces(size);
  // k · units / scale rounds once, from an exact integer, to the double nearest k · size
  const scale = places === undefined ? 1 : 10 ** places;
  const units = places === undefined ? size : Math.round(size * scale);
  return Object.freeze({
    name: 'bucket.size',
    apply: (value: unknown): unknown => {
      if (typeof value !== 'number') {
        return DROP;
      }
      const ratio = value / size;
      // written so NaN and ±Infinity fail too
      if (!(Math.abs(ratio) <= MAX_BUCKET_INDEX)) {
        return DROP;
      }
      const index = Math.floor(ratio + Math.max(1, Math.abs(ratio)) * RELATIVE_EPSILON);
      // `+ 0` turns -0 into 0
      return (index * units) / scale + 0;
    },
  });
}

/**
 * Number → the label of the interval holding it: for edges [18, 65], `(-inf,18)`, `[18,65)` or
 * `[65,+inf)`. Labels rather than indexes, so an alert reads without the policy beside it. A string
 * that is already one of these labels passes unchanged (idempotence); anything else is dropped.
 */
export function compileBucketEdges(edges: readonly number[]): CompiledTransform {
  const bounds = [...edges];
  const labels = [`(-inf,${bounds[0]})`];
  for (let i = 1; i < bounds.length; i++) {
    labels.push(`[${bounds[i - 1]},${bounds[i]})`);
  }
  labels.push(`[${bounds[bounds.length - 1]},+inf)`);
  const known: ReadonlySet<string> = new Set(labels);
  return Object.freeze({
    name: 'bucket.edges',
    apply: (value: unknown): unknown => {
      if (typeof value === 'string') {
        return known.has(value) ? value : DROP;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return DROP;
      }
      // how many edges are ≤ value: a binary search over at most 100 edges
      let low = 0;
      let high = bounds.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (bounds[mid] <= value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return labels[low];
    },
  });
}
