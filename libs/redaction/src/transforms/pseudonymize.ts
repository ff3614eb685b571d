import { createHmac } from 'node:crypto';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { tryCanonicalJson } from './canonical-json';
import { formatInstant, parseInstant } from './instant';
import {
  DROP,
  type CompiledTransform,
  type PseudonymKeyring,
  type TransformContext,
} from './transform-spec';

export const PSEUDONYM_PREFIX = 'ps_';
// 16 bytes = 128 bits: collisions stay negligible (birthday bound ~2⁶⁴) and the text stays short.
const PSEUDONYM_BYTES = 16;
// RFC 4648 base32, lower case and unpadded: case-insensitive, no characters that need escaping.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32(bytes: Uint8Array, count: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < count; i++) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
  }
  return bits > 0 ? out + BASE32[(buffer << (5 - bits)) & 31] : out;
}

/**
 * The HMAC message for a value: `s:` + the string itself, or `j:` + canonical JSON for any other
 * JSON value, so "5" and 5 differ and equal objects match whatever their key order. null and
 * values JSON cannot hold give undefined (the field is dropped): null carries no identity.
 */
function pseudonymInput(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return `s:${value}`;
  }
  if (value === null) {
    return undefined;
  }
  const json = tryCanonicalJson(value);
  return json === undefined ? undefined : `j:${json}`;
}

/**
 * Keyed pseudonym: `ps_` + base32 of the first 16 bytes of HMAC-SHA-256 under the key the keyring
 * derives for (purpose, period). The period is occurredAt floored to the rotation on the UTC epoch,
 * so a value keeps one pseudonym within a period and purpose and gets an unrelated one in any
 * other. The message starts with the rotation (`PT86400S|`) so two rotations whose periods start
 * at the same instant still give unrelated pseudonyms.
 */
export function compilePseudonym(rotationMs: number): CompiledTransform {
  const domain = `PT${rotationMs / 1000}S|`;
  // the last derived key, in the closure only: never a property, so no log or JSON can reach it
  let lastKeyring: PseudonymKeyring | undefined;
  let lastPurpose = '';
  let lastPeriod = NaN;
  let lastKey: Buffer | undefined;

  const keyFor = (ctx: TransformContext, period: number): Buffer => {
    const same = period === lastPeriod && ctx.purposeId === lastPurpose;
    if (lastKey !== undefined && same && ctx.keyring === lastKeyring) {
      return lastKey;
    }
    const periodStart = formatInstant(period);
    if (periodStart === undefined) {
      throw invalidContext('occurredAt', 'pseudonym period out of range');
    }
    lastKey = ctx.keyring.keyFor({ purposeId: ctx.purposeId, periodStart });
    lastKeyring = ctx.keyring;
    lastPurpose = ctx.purposeId;
    lastPeriod = period;
    return lastKey;
  };

  return Object.freeze({
    name: 'pseudonymize',
    apply: (value: unknown, ctx: TransformContext): unknown => {
      const input = pseudonymInput(value);
      if (input === undefined) {
        return DROP;
      }
      const at = parseInstant(ctx.occurredAt);
      // the event was validated at the edge, so a bad occurredAt is a bug, not data
      if (Number.isNaN(at)) {
        throw invalidContext('occurredAt', 'pseudonym period needs an RFC 3339 occurredAt');
      }
      const key = keyFor(ctx, Math.floor(at / rotationMs) * rotationMs);
      const mac = createHmac('sha256', key)
        .update(domain + input, 'utf8')
        .digest();
      return PSEUDONYM_PREFIX + base32(mac, PSEUDONYM_BYTES);
    },
  });
}

function invalidContext(path: string, detail: string): RedactionError {
  return new RedactionError({ code: RedactionErrorCode.InvalidContext, path, detail });
}
