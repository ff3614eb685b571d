import { isPlainObject } from '@lib/redaction';
import { prohibitedCategory } from './prohibited-categories';

/**
 * Own keys in UTF-16 code unit order. Objects in events are small, where an insertion sort is
 * several times cheaper than Array.prototype.sort.
 */
export function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 24) {
    return keys.sort();
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

let digitKeys = false;

/**
 * Whether a copy since the last reset had a key starting with a digit. Objects enumerate
 * integer-like keys first, whatever the insertion order, so such a copy's own key order is not
 * the canonical one (JSON.stringify would not write it canonically).
 */
export function copiedDigitKeys(reset: boolean): boolean {
  const seen = digitKeys;
  if (reset) {
    digitKeys = false;
  }
  return seen;
}

/** Records a key that will be written into a copy. */
export function noteCopiedKey(key: string): void {
  const first = key.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    digitKeys = true;
  }
}

/** Keys that are never copied: a prototype setter, and data no purpose may receive. */
export function isUncopiableKey(key: string): boolean {
  return key === '__proto__' || prohibitedCategory(key) !== undefined;
}

/**
 * A deep copy in canonical form: keys sorted at every level, undefined members left out,
 * and uncopiable keys (prohibited attributes, `__proto__`) removed wherever they appear. Shares
 * nothing with the input.
 */
export function canonicalClone(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonicalClone);
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) {
    const child = value[key];
    if (child !== undefined && !isUncopiableKey(key)) {
      noteCopiedKey(key);
      out[key] = canonicalClone(child);
    }
  }
  return out;
}

/** Orders strings by UTF-16 code unit, as the canonical forms do. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
