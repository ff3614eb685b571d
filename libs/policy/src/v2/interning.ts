interface TrieNode<T> {
  next: Map<T, TrieNode<T>>;
  list: readonly T[] | undefined;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Interns short lists whose elements are shared objects or strings (reasons, transform entries,
 * path strings): equal sequences give the same frozen array, so the serialiser writes its JSON
 * once and reuses it by identity. A trie keyed by element identity; emptied past `limit` nodes,
 * which only costs a re-intern.
 */
export function listInterner<T>(limit = 65_536): (items: readonly T[]) => readonly T[] {
  let root: TrieNode<T> = { next: new Map(), list: EMPTY };
  let nodes = 0;
  return (items) => {
    if (items.length === 0) {
      return EMPTY;
    }
    let node = root;
    for (let i = 0; i < items.length; i++) {
      let child = node.next.get(items[i]);
      if (child === undefined) {
        if (nodes >= limit) {
          root = { next: new Map(), list: EMPTY };
          nodes = 0;
          return Object.freeze([...items]);
        }
        child = { next: new Map(), list: undefined };
        node.next.set(items[i], child);
        nodes += 1;
      }
      node = child;
    }
    node.list ??= Object.freeze([...items]);
    return node.list;
  };
}
