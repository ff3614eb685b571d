import type { CompiledTransform, TransformContext } from '@lib/redaction';

/** The transform context the engine passes: the event's instant, parsed once per event. */
export interface EngineTransformContext extends TransformContext {
  atMs: number;
}

const LIMIT = 20_000;

interface PeriodCache {
  period: number;
  pseudonyms: Map<string, unknown>;
}

/**
 * Pseudonyms of the current and the previous rotation period, by value. A track or a plate
 * appears in many events of one period, and each HMAC costs microseconds; the pseudonym only
 * depends on the value, the purpose (fixed per transform here), the keyring (fixed per
 * evaluator) and the period. The previous period is kept for events delivered late across a
 * boundary; anything older is computed without the cache. The caches hold values already in
 * this process's memory, and are bounded.
 */
export function memoisePseudonym(args: {
  transform: CompiledTransform;
  rotationMs: number;
}): CompiledTransform {
  const { transform, rotationMs } = args;
  let current: PeriodCache = { period: -Infinity, pseudonyms: new Map() };
  let previous: PeriodCache = { period: -Infinity, pseudonyms: new Map() };
  return Object.freeze({
    name: transform.name,
    apply: (value: unknown, ctx: TransformContext): unknown => {
      const at = (ctx as Partial<EngineTransformContext>).atMs;
      if (typeof value !== 'string' || at === undefined || Number.isNaN(at)) {
        return transform.apply(value, ctx);
      }
      const period = Math.floor(at / rotationMs);
      if (period > current.period) {
        previous = current;
        current = { period, pseudonyms: new Map() };
      }
      const cache =
        period === current.period ? current : period === previous.period ? previous : undefined;
      if (cache === undefined) {
        return transform.apply(value, ctx);
      }
      let pseudonym = cache.pseudonyms.get(value);
      if (pseudonym === undefined) {
        pseudonym = transform.apply(value, ctx);
        if (cache.pseudonyms.size >= LIMIT) {
          cache.pseudonyms.clear();
        }
        cache.pseudonyms.set(value, pseudonym);
      }
      return pseudonym;
    },
  });
}
