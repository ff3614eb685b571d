/**
 * Leaf paths of JSON data. A leaf is a primitive, `null` or an array (an array is one value, never
 * indexed into); empty objects hold no data and yield no path. Paths come out in canonical order:
 * keys sorted by UTF-16 code unit at each level, parents before children. That is plain string
 * order except where a key contains a character below '.' (0x2E) right after a sibling key that is
 * its prefix.
 */
export function leafPaths(value: unknown): string[] {
  const out: string[] = [];
  if (isPlainObject(value)) {
    listLeaves(value, '', out);
  }
  return out;
}

function listLeaves(source: Record<string, unknown>, prefix: string, out: string[]): void {
  for (const key of sortedKeys(source)) {
    const child = source[key];
    if (isPlainObject(child)) {
      listLeaves(child, prefix + key + '.', out);
    } else if (child !== undefined) {
      out.push(prefix + key);
    }
  }
}

/**
 * What `copies` (projections of `source`, such as alerts' data) left out of `source`, named by the
 * largest subtrees none of whose leaves any copy holds: `vendor` rather than `vendor.kind` and
 * `vendor.model`, but `attributes.person.gender` when a copy keeps `attributes.person.clothing`.
 * Every uncarried leaf lies under exactly one of the paths, and no path holds a carried leaf. A
 * subtree without leaves (empty objects only) is not data and is not named. Paths are in the
 * canonical order of `leafPaths`; with no copies they are the top-level keys that hold data.
 */
export function uncarriedSubtrees(source: unknown, copies: readonly unknown[]): string[] {
  const out: string[] = [];
  if (isPlainObject(source)) {
    walk(source, copies.filter(isPlainObject), '', out);
  }
  return out;
}

const NONE: readonly Record<string, unknown>[] = Object.freeze([]);

// Positional arguments, unlike the rest of the code base: this runs for every object of every
// event, and an argument object per call measurably slows it. Returns whether any copy holds a
// leaf of `source`; if none does, the caller names `source` itself instead of its parts.
function walk(
  source: Record<string, unknown>,
  copies: readonly Record<string, unknown>[],
  prefix: string,
  out: string[],
): boolean {
  const keys = sortedKeys(source);
  let carriedAny = false;
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
    if (!isPlainObject(child)) {
      if (carried) {
        carriedAny = true;
      } else {
        out.push(prefix + key);
      }
    } else if (childCopies.length === 0) {
      if (holdsLeaf(child)) {
        out.push(prefix + key);
      }
    } else {
      const mark = out.length;
      if (walk(child, childCopies, prefix + key + '.', out)) {
        carriedAny = true;
      } else {
        // copies hold the object but none of its leaves: name the whole subtree once
        out.length = mark;
        if (holdsLeaf(child)) {
          out.push(prefix + key);
        }
      }
    }
  }
  return carriedAny;
}

function holdsLeaf(value: Record<string, unknown>): boolean {
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (isPlainObject(child) ? holdsLeaf(child) : child !== undefined) {
      return true;
    }
  }
  return false;
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
