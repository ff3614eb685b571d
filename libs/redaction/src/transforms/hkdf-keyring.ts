import { createHmac } from 'node:crypto';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { formatInstant, parseInstant } from './instant';
import type { PseudonymKeyring } from './transform-spec';

export const PSEUDONYM_KEY_INFO = 'tamiz/pseudonym/v1';
// 256 bits: HKDF cannot add entropy, so the master secret must carry the key strength itself.
export const MIN_SECRET_BYTES = 32;
const KEY_BYTES = 32;
// A governor sees a handful of purposes and, around a period boundary, two periods of each;
// an expand step costs a few microseconds, a lookup well under one.
const CACHE_SIZE = 16;
const MAX_PURPOSE_ID = 256;
const REDACTED = '[redacted]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
// HKDF-Extract without a salt uses HashLen zero bytes (RFC 5869 §2.2); the master secret is
// already uniformly random, so a salt would add nothing.
const ZERO_SALT = Buffer.alloc(32);
// T(1) of HKDF-Expand: one block is enough for a 32-byte key (L ≤ HashLen).
const FIRST_BLOCK = Buffer.from([1]);

/**
 * A keyring deriving each (purpose, period) key with HKDF-SHA-256 (RFC 5869) from one master
 * secret: no salt, info `tamiz/pseudonym/v1|<purposeId>|<periodStart>`, 32 bytes. The extract
 * step runs once here, so the keyring keeps only the pseudorandom key, never the master secret,
 * and each derivation is a single HMAC (`hkdfSync` repeats the extract, about four times the
 * cost). The pseudorandom key lives in a closure; the keyring prints as `[redacted]` in JSON,
 * string and `util.inspect` form. Returned keys are copies, so no caller can alter the cache.
 */
export function hkdfKeyring(masterSecret: Buffer): PseudonymKeyring {
  if (!Buffer.isBuffer(masterSecret) || masterSecret.length < MIN_SECRET_BYTES) {
    const got = Buffer.isBuffer(masterSecret) ? `${masterSecret.length} bytes` : 'no Buffer';
    throw new RedactionError({
      code: RedactionErrorCode.InvalidSecret,
      path: 'masterSecret',
      detail: `needs at least ${MIN_SECRET_BYTES} random bytes, got ${got}`,
    });
  }
  const prk = createHmac('sha256', ZERO_SALT).update(masterSecret).digest();
  // insertion order is recency order: a hit is moved to the end, the first entry is the oldest
  const cache = new Map<string, Buffer>();

  const derive = (purposeId: string, periodStart: string): Buffer => {
    checkArgs(purposeId, periodStart);
    const info = `${PSEUDONYM_KEY_INFO}|${purposeId}|${periodStart}`;
    return createHmac('sha256', prk).update(info, 'utf8').update(FIRST_BLOCK).digest();
  };

  const keyFor = ({ purposeId, periodStart }: { purposeId: string; periodStart: string }) => {
    const id = `${purposeId}|${periodStart}`;
    let key = cache.get(id);
    if (key === undefined) {
      key = derive(purposeId, periodStart);
      if (cache.size >= CACHE_SIZE) {
        cache.delete(cache.keys().next().value as string);
      }
    } else {
      cache.delete(id);
    }
    cache.set(id, key);
    const copy = Buffer.alloc(KEY_BYTES);
    key.copy(copy);
    return copy;
  };

  return Object.freeze({
    keyFor,
    toJSON: () => REDACTED,
    toString: () => REDACTED,
    [INSPECT]: () => REDACTED,
  });
}

function checkArgs(purposeId: unknown, periodStart: unknown): void {
  if (typeof purposeId !== 'string' || purposeId === '' || purposeId.length > MAX_PURPOSE_ID) {
    throw new RedactionError({
      code: RedactionErrorCode.InvalidContext,
      path: 'purposeId',
      detail: `must be a non-empty string of at most ${MAX_PURPOSE_ID} characters`,
    });
  }
  // one spelling per instant, or the same period could be keyed twice under different infos
  if (typeof periodStart !== 'string' || formatInstant(parseInstant(periodStart)) !== periodStart) {
    throw new RedactionError({
      code: RedactionErrorCode.InvalidContext,
      path: 'periodStart',
      detail: 'must be a UTC instant written as toISOString writes it',
    });
  }
}
