/**
 * Canonical JSON (keys sorted by UTF-16 code unit, no whitespace, numbers and strings as
 * `JSON.stringify` writes them; RFC 8785 for JSON data), or undefined for anything JSON cannot
 * hold exactly: undefined, functions, symbols, bigints, non-finite numbers, class instances.
 * The one implementation of canonical JSON in the code base: @lib/policy's canonicalJson (policy
 * hashes) throws where this returns undefined; a transform drops such values instead.
 */
export function tryCanonicalJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object':
      return value === null ? 'null' : canonicalContainer(value);
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return undefined;
  }
}

function canonicalContainer(value: object): string | undefined {
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const text = tryCanonicalJson(item);
      if (text === undefined) {
        return undefined;
      }
      parts.push(text);
    }
    return `[${parts.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    // undefined members are absent in JSON, exactly as JSON.stringify treats them
    if (record[key] !== undefined) {
      const text = tryCanonicalJson(record[key]);
      if (text === undefined) {
        return undefined;
      }
      parts.push(`${JSON.stringify(key)}:${text}`);
    }
  }
  return `{${parts.join(',')}}`;
}
