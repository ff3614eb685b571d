import { ABSENT, partialDiff, showValue } from './partial-diff.util';

describe(partialDiff.name, () => {
  const actual = {
    cameraId: 'cam-1',
    confidence: 0.9,
    identifiers: { plate: { value: 'TST-451', country: 'PE' } },
    attributes: { person: { carrying: ['mochila', 'paraguas'] } },
  };

  it('should accept a partial object whose every leaf matches', () => {
    const expected = { identifiers: { plate: { value: 'TST-451' } }, cameraId: 'cam-1' };
    expect(partialDiff({ expected, actual, at: 'data' })).toEqual([]);
  });

  it('should accept an empty expectation', () => {
    expect(partialDiff({ expected: {}, actual, at: 'data' })).toEqual([]);
  });

  it.each([
    [
      'a different scalar',
      { identifiers: { plate: { value: 'TST-452' } } },
      [{ at: 'data.identifiers.plate.value', expected: '"TST-452"', actual: '"TST-451"' }],
    ],
    [
      'a missing leaf',
      { trackId: 'trk-1' },
      [{ at: 'data.trackId', expected: '"trk-1"', actual: ABSENT }],
    ],
    [
      'an array compared whole',
      { attributes: { person: { carrying: ['mochila'] } } },
      [
        {
          at: 'data.attributes.person.carrying',
          expected: '["mochila"]',
          actual: '["mochila","paraguas"]',
        },
      ],
    ],
    [
      'an object where a scalar is',
      { cameraId: { id: 'cam-1' } },
      [{ at: 'data.cameraId', expected: 'an object / un objeto', actual: '"cam-1"' }],
    ],
    [
      'null against a value',
      { confidence: null },
      [{ at: 'data.confidence', expected: 'null', actual: '0.9' }],
    ],
  ])('should report %s', (_name, expected, mismatches) => {
    expect(partialDiff({ expected, actual, at: 'data' })).toEqual(mismatches);
  });

  it('should report every differing leaf, not just the first', () => {
    const expected = { cameraId: 'cam-2', confidence: 0.5, geo: { lat: 1 } };
    expect(partialDiff({ expected, actual, at: '' }).map((m) => m.at)).toEqual([
      'cameraId',
      'confidence',
      'geo',
    ]);
  });

  it('should compare objects inside arrays regardless of key order', () => {
    const expected = { list: [{ a: 1, b: 2 }] };
    expect(partialDiff({ expected, actual: { list: [{ b: 2, a: 1 }] }, at: '' })).toEqual([]);
  });
});

describe(showValue.name, () => {
  it.each([
    [undefined, ABSENT],
    ['x', '"x"'],
    [{ b: 1, a: [true, null] }, '{"a":[true,null],"b":1}'],
  ])('should show %p as %s', (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });
});
