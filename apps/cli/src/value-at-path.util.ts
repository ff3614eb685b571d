export type PathLookup = { found: true; value: unknown } | { found: false };

/**
 * The value at a dotted path (`identifiers.plate.value`) of plain JSON data. Only own keys of
 * plain objects are followed, so `constructor` or `length` never resolve to something inherited.
 */
export function valueAtPath(root: unknown, path: string): PathLookup {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (!isRecord(node) || !Object.hasOwn(node, segment)) {
      return { found: false };
    }
    node = node[segment];
  }
  return { found: true, value: node };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
