/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, numbers and strings as
 * `JSON.stringify` writes them. For JSON data this matches RFC 8785 (JCS), so anyone can recompute
 * a policy hash in another language. Values JSON cannot hold (undefined at the top or in an array,
 * functions, non-finite numbers, bigints, class instances) throw, because silently dropping them
 * would make two different inputs hash alike.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`canonicalJson: non-finite number ${value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  }
  if (typeof value === 'object' && isPlainPrototype(value)) {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      // undefined members are absent in JSON, exactly as JSON.stringify treats them
      if (record[key] !== undefined) {
        parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      }
    }
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON data`);
}

function isPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
