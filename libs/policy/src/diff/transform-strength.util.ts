import type { TransformSpec } from '@lib/redaction';
import { exactDurationMs } from '../v2/iso-duration';

/**
 * How much of a field a transform lets through, from 0 (nothing) up; `keep` lets all of it.
 * Generalisations, buckets and pseudonyms hide the value but keep something of it; a mask
 * shows part of the value itself.
 */
const RANK: Record<string, number> = {
  drop: 0,
  redact: 1,
  pseudonymize: 2,
  generalize: 2,
  bucket: 2,
  mask: 3,
  keep: 4,
};

export function transformKind(spec: TransformSpec): string {
  return typeof spec === 'string' ? spec : Object.keys(spec)[0];
}

/**
 * Compares two transforms of the same field: > 0 when `to` exposes more than `from` (weaker),
 * < 0 when less, 0 when equal or not comparable.
 */
export function compareExposure(from: TransformSpec, to: TransformSpec): number {
  const [a, b] = [transformKind(from), transformKind(to)];
  if (a !== b) {
    return Math.sign(RANK[b] - RANK[a]);
  }
  // Same kind: a finer parameter exposes more.
  const [pa, pb] = [paramsOf(from), paramsOf(to)];
  switch (a) {
    case 'generalize': {
      const key = Object.keys(pa)[0];
      if (key !== Object.keys(pb)[0]) {
        return 0;
      }
      // boxGrid counts cells (more = finer); the others are cell sizes (smaller = finer).
      const [x, y] = [Number(pa[key]), Number(pb[key])];
      return key === 'boxGrid' ? Math.sign(y - x) : Math.sign(x - y);
    }
    case 'bucket':
      return 'size' in pa && 'size' in pb ? Math.sign(Number(pa.size) - Number(pb.size)) : 0;
    case 'mask': {
      const shown = (p: Record<string, unknown>) =>
        Number(p.keepFirst ?? 0) + Number(p.keepLast ?? 0);
      return Math.sign(shown(pb) - shown(pa));
    }
    case 'pseudonymize':
      // A pseudonym that rotates less often links more events to one person.
      return Math.sign(exactDurationMs(String(pb.rotate)) - exactDurationMs(String(pa.rotate)));
    case 'redact': {
      // Fewer regions blurred exposes more.
      const regions = (spec: TransformSpec): readonly string[] =>
        typeof spec === 'object' && 'redact' in spec ? spec.redact : [];
      const [ra, rb] = [regions(from), regions(to)];
      return ra.some((r) => !rb.includes(r)) ? 1 : rb.some((r) => !ra.includes(r)) ? -1 : 0;
    }
    default:
      return 0;
  }
}

function paramsOf(spec: TransformSpec): Record<string, unknown> {
  if (typeof spec === 'string') {
    return {};
  }
  const [params] = Object.values(spec) as unknown[];
  return params as Record<string, unknown>;
}
