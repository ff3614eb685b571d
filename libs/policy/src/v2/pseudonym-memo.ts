import type { CompiledTransform, TransformContext } from '@lib/redaction';

/** The transform context the engine passes: the event's instant, parsed once per event. */
export interface EngineTransformContext extends TransformContext {
  atMs: number;
}

const LIMIT = 20_000;

/**
 * Pseudonyms of the current rotation period, by value. A track or a plate appears in many events
 * of one period, and each HMAC costs microseconds; the pseudonym only depends on the value, the
 * purpose (fixed per transform here), the keyring (fixed per evaluator) and the period, so the
 * cache is emptied when the period moves on. An event from an earlier period (late delivery) is
 * computed without the cache. The cache holds values already in this process's memory.
 */
export function memoisePseudonym(args: {
  transform: CompiledTransform;
  rotationMs: number;
}): CompiledTransform {
  const { transform, rotationMs } = args;
  const cache = new Map<string, unknown>();
  let period = -Infinity;
  return Object.freeze({
    name: transform.name,
    apply: (value: unknown, ctx: TransformContext): unknown => {
      const at = (ctx as Partial<EngineTransformContext>).atMs;
      if (typeof value !== 'string' || at === undefined || Number.isNaN(at)) {
        return transform.apply(value, ctx);
      }
      const current = Math.floor(at / rotationMs);
      if (current !== period) {
        if (current < period) {
          return transform.apply(value, ctx);
        }
        cache.clear();
        period = current;
      }
      let pseudonym = cache.get(value);
      if (pseudonym === undefined) {
        pseudonym = transform.apply(value, ctx);
        if (cache.size >= LIMIT) {
          cache.clear();
        }
        cache.set(value, pseudonym);
      }
      return pseudonym;
    },
  });
}
