import { tryCanonicalJson } from '@lib/redaction';

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, numbers and strings as
 * `JSON.stringify` writes them. For JSON data this matches RFC 8785 (JCS), so anyone can recompute
 * a policy hash in another language. Values JSON cannot hold (undefined at the top or in an array,
 * functions, non-finite numbers, bigints, class instances) throw, because silently dropping them
 * would make two different inputs hash alike. One implementation with @lib/redaction's
 * tryCanonicalJson, which returns undefined for them instead.
 */
export function canonicalJson(value: unknown): string {
  const json = tryCanonicalJson(value);
  if (json === undefined) {
    throw new TypeError(
      'canonicalJson: the value holds something JSON cannot hold exactly ' +
        '(undefined, a function, a symbol, a bigint, a non-finite number or a class instance)',
    );
  }
  return json;
}
