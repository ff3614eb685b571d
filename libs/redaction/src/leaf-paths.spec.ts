import { leafPaths, sortedKeys, uncarriedSubtrees } from './leaf-paths';

describe('leafPaths', () => {
  it.each<[string, unknown, string[]]>([
    ['primitives at the top', { a: 1, b: 'x', c: true }, ['a', 'b', 'c']],
    ['nested objects', { geo: { lat: 1, lon: 2 } }, ['geo.lat', 'geo.lon']],
    ['null as a leaf', { identifiers: { plate: null } }, ['identifiers.plate']],
    ['an array as one leaf', { boxes: [{ x: 1 }, { x: 2 }] }, ['boxes']],
    ['an empty array as a leaf', { carrying: [] }, ['carrying']],
    ['no path for an empty object', { attributes: { person: {} }, a: 1 }, ['a']],
    ['no path for undefined', { a: undefined, b: 0 }, ['b']],
    ['nothing for a non-object', 'text', []],
    ['nothing for an array', [1, 2], []],
    [
      'keys in canonical order',
      { z: 1, b: { y: 1, x: 2 }, a: 0, B: 1 },
      ['B', 'a', 'b.x', 'b.y', 'z'],
    ],
  ])('should list %s', (_name, value, expected) => {
    expect(leafPaths(value)).toEqual(expected);
  });
});

describe('uncarriedSubtrees', () => {
  const source = {
    occurredAt: 't',
    geo: { lat: 1, lon: 2 },
    attributes: { person: { gender: 'x', clothing: { upper: { color: 'red' }, hat: false } } },
    identifiers: { plate: null },
    vendor: { kind: 'acme', empty: {} },
  };

  it.each<[string, unknown[], string[]]>([
    [
      'each top-level field holding data when nothing was copied',
      [],
      ['attributes', 'geo', 'identifiers', 'occurredAt', 'vendor'],
    ],
    ['nothing when the whole source was copied', [source], []],
    [
      'the largest uncarried subtrees, across copies',
      [
        { occurredAt: 't', geo: { lat: 1 } },
        { attributes: { person: { clothing: { hat: false } } } },
      ],
      [
        'attributes.person.clothing.upper',
        'attributes.person.gender',
        'geo.lon',
        'identifiers',
        'vendor',
      ],
    ],
    [
      'a key filtered out of a copied subtree',
      [{ attributes: { person: { clothing: { upper: { color: 'red' }, hat: false } } } }],
      ['attributes.person.gender', 'geo', 'identifiers', 'occurredAt', 'vendor'],
    ],
    [
      'a carried null',
      [{ identifiers: { plate: null } }],
      ['attributes', 'geo', 'occurredAt', 'vendor'],
    ],
    [
      'a copied object that holds none of the leaves as one subtree',
      [{ attributes: { person: {} }, vendor: { empty: {} } }],
      ['attributes', 'geo', 'identifiers', 'occurredAt', 'vendor'],
    ],
    [
      'no subtree that holds no data',
      [{ vendor: { kind: 'acme' } }],
      ['attributes', 'geo', 'identifiers', 'occurredAt'],
    ],
  ])('should name %s', (_name, copies, expected) => {
    expect(uncarriedSubtrees(source, copies)).toEqual(expected);
  });

  it('should put every uncarried leaf under exactly one path, and no carried leaf under any', () => {
    const copies = [{ geo: { lat: 1 } }, { attributes: { person: { clothing: { hat: false } } } }];
    const carried = new Set(copies.flatMap(leafPaths));
    const dropped = uncarriedSubtrees(source, copies);
    for (const leaf of leafPaths(source)) {
      const under = dropped.filter((p) => leaf === p || leaf.startsWith(`${p}.`));
      expect(under).toHaveLength(carried.has(leaf) ? 0 : 1);
    }
  });

  it('should name nothing for a non-object source', () => {
    expect(uncarriedSubtrees('text', [])).toEqual([]);
    expect(uncarriedSubtrees([1, 2], [])).toEqual([]);
  });
});

it('should not count an inherited key of a copy as carried', () => {
  const source = { attributes: { person: { toString: 'vendor value', age: 3 } } };
  expect(uncarriedSubtrees(source, [{ attributes: { person: { age: 3 } } }])).toEqual([
    'attributes.person.toString',
  ]);
});

describe('sortedKeys', () => {
  it.each([3, 10, 40])('should order %i keys by UTF-16 code unit', (n) => {
    const keys = Array.from(
      { length: n },
      (_, i) => `k${(i * 7919) % 97}é${i % 3 === 0 ? 'Z' : 'a'}`,
    );
    const value = Object.fromEntries(keys.map((k) => [k, 1]));
    expect(sortedKeys(value)).toEqual(Object.keys(value).sort());
  });
});
