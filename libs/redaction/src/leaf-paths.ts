/**
 * Leaf paths of JSON data, for decisions that must name what was withheld without its values.
 * A leaf is a primitive, `null` or an array (an array is one value, never indexed into); empty
 * objects hold no data and yield no path. Paths come out in canonical order: keys sorted by UTF-16
 * code unit at each level, parents before children. That is plain string order except where a key
 * contains a character below '.' (0x2E) right after a sibling key that is its prefix.
 */
export function leafPaths(value: unknown): string[] {
  return uncarriedLeafPaths(value, []);
}

/**
 * The leaf paths of `source` that none of `copies` holds, in the order of `leafPaths`. The copies
 * are projections of the source (alerts' data), so walking them alongside the source decides each
 * leaf without building a string for the ones that were carried.
 */
export function uncarriedLeafPaths(source: unknown, copies: readonly unknown[]): string[] {
  const out: string[] = [];
  if (isPlainObject(source)) {
    walk(source, copies.filter(isPlainObject), '', out);
  }
  return out;
}

const NONE: readonly Record<string, unknown>[] = Object.freeze([]);

// Positional arguments, unlike the rest of the code base: this runs for every object of every
// event, and an argument object per call measurably slows it.
function walk(
  source: Record<string, unknown>,
  copies: readonly Record<string, unknown>[],
  prefix: string,
  out: string[],
): void {
  const keys = sortedKeys(source);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const child = source[key];
    if (child === undefined) {
      continue;
    }
    let carried = false;
    let childCopies = NONE;
    for (let c = 0; c < copies.length; c++) {
      const copied = copies[c][key];
      // own keys only: an inherited `toString` must not count as carried
      if (copied === undefined || !Object.hasOwn(copies[c], key)) {
        continue;
      }
      if (isPlainObject(copied)) {
        childCopies = childCopies === NONE ? [copied] : [...childCopies, copied];
      } else {
        carried = true;
      }
    }
    if (isPlainObject(child)) {
      walk(child, childCopies, prefix + key + '.', out);
    } else if (!carried) {
      out.push(prefix + key);
    }
  }
}

/**
 * Own keys in UTF-16 code unit order. Objects in events are small, where an insertion sort over
 * (interned) property names is several times cheaper than Array.prototype.sort.
 */
export function sortedKeys(value: Record<string, unknown>): string[] {
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

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
