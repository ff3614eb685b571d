import { TransformIssueCode as Code } from './transform-spec';
import { validateTransformSpec } from './validate-transform-spec';

const AT = '/purposes/0/transforms/plate';

/** A description, the spec, and every expected issue as [path below AT, code]. */
type Rejected = [string, unknown, Array<[string, Code]>];

describe('validateTransformSpec', () => {
  it.each<[string, unknown]>([
    ['keep', 'keep'],
    ['drop', 'drop'],
    ['mask with defaults', { mask: {} }],
    ['mask with every parameter', { mask: { keepFirst: 2, keepLast: 64, char: '•' } }],
    ['mask with an astral character', { mask: { char: '🙈' } }],
    ['pseudonymize daily', { pseudonymize: { rotate: 'P1D' } }],
    ['pseudonymize in hours', { pseudonymize: { rotate: 'PT24H' } }],
    ['pseudonymize in mixed units', { pseudonymize: { rotate: 'PT1H30M' } }],
    ['pseudonymize in seconds', { pseudonymize: { rotate: 'PT45S' } }],
    ['age bands', { generalize: { ageBand: 10 } }],
    ['time floors', { generalize: { minutes: 15 } }],
    ['a whole-day time floor', { generalize: { minutes: 1440 } }],
    ['a geo grid', { generalize: { meters: 250 } }],
    ['a box grid', { generalize: { boxGrid: 4 } }],
    ['bucket sizes', { bucket: { size: 0.1 } }],
    ['bucket edges', { bucket: { edges: [-1, 0, 18, 65.5] } }],
    ['one bucket edge', { bucket: { edges: [0] } }],
    ['redact', { redact: ['person', 'face', 'plate'] }],
  ])('should accept %s', (_name, spec) => {
    expect(validateTransformSpec(spec, AT)).toEqual([]);
  });

  it.each<Rejected>([
    ['an unknown name', 'hash', [['', Code.UnknownTransform]]],
    ['a name that needs parameters', 'mask', [['', Code.MissingParameter]]],
    ['pseudonymize without parameters', 'pseudonymize', [['', Code.MissingParameter]]],
    ['a number', 42, [['', Code.InvalidType]]],
    ['null', null, [['', Code.InvalidType]]],
    ['a list', ['keep'], [['', Code.InvalidType]]],
    ['an empty object', {}, [['', Code.OneTransformPerField]]],
    ['two transforms', { mask: {}, drop: true }, [['', Code.OneTransformPerField]]],
    ['an unknown object transform', { hash: {} }, [['/hash', Code.UnknownTransform]]],
    ['an escaped unknown key', { 'a/b~c': 1 }, [['/a~1b~0c', Code.UnknownTransform]]],
    ['keep written as an object', { keep: true }, [['/keep', Code.UnknownTransform]]],
    ['mask parameters that are no object', { mask: 'last4' }, [['/mask', Code.InvalidType]]],
    [
      'a negative keepLast',
      { mask: { keepLast: -1 } },
      [['/mask/keepLast', Code.InvalidParameter]],
    ],
    [
      'a fractional keepFirst and a keepLast too large',
      { mask: { keepFirst: 1.5, keepLast: 65 } },
      [
        ['/mask/keepFirst', Code.InvalidParameter],
        ['/mask/keepLast', Code.InvalidParameter],
      ],
    ],
    [
      'a keepLast in quotes',
      { mask: { keepLast: '4' } },
      [['/mask/keepLast', Code.InvalidParameter]],
    ],
    ['two mask characters', { mask: { char: '**' } }, [['/mask/char', Code.InvalidParameter]]],
    ['an empty mask character', { mask: { char: '' } }, [['/mask/char', Code.InvalidParameter]]],
    ['a control mask character', { mask: { char: '\n' } }, [['/mask/char', Code.InvalidParameter]]],
    ['a lone surrogate', { mask: { char: '\uD83D' } }, [['/mask/char', Code.InvalidParameter]]],
    ['a numeric mask character', { mask: { char: 5 } }, [['/mask/char', Code.InvalidParameter]]],
    [
      'a misspelt parameter',
      { mask: { keeplast: 4 } },
      [['/mask/keeplast', Code.UnknownParameter]],
    ],
    ['no rotation', { pseudonymize: {} }, [['/pseudonymize', Code.MissingParameter]]],
    ['null parameters', { pseudonymize: null }, [['/pseudonymize', Code.InvalidType]]],
    [
      'an extra pseudonym parameter',
      { pseudonymize: { rotate: 'P1D', salt: 'x' } },
      [['/pseudonymize/salt', Code.UnknownParameter]],
    ],
    ...['P2D', 'PT25H', 'P1W', 'P1DT1S', 'PT86401S'].map((rotate): Rejected => [
      `a rotation of ${rotate}`,
      { pseudonymize: { rotate } },
      [['/pseudonymize/rotate', Code.RotationTooLong]],
    ]),
    ...['P1M', 'P1Y', 'P0Y1D', '24h', 'P', 'PT', 'PT1.5H', 'p1d', 86400, 'PT0S', 'P0D'].map(
      (rotate): Rejected => [
        `a rotation of ${String(rotate)}`,
        { pseudonymize: { rotate } },
        [['/pseudonymize/rotate', Code.InvalidDuration]],
      ],
    ),
    ...['PT5H', 'PT7M', 'PT13S', 'PT16H'].map((rotate): Rejected => [
      `a rotation of ${rotate}, which does not divide a day`,
      { pseudonymize: { rotate } },
      [['/pseudonymize/rotate', Code.RotationMisaligned]],
    ]),
    ['no generalisation', { generalize: {} }, [['/generalize', Code.MissingParameter]]],
    [
      'two generalisations',
      { generalize: { ageBand: 10, minutes: 15 } },
      [['/generalize', Code.ConflictingParameters]],
    ],
    [
      'an unknown generalisation',
      { generalize: { radius: 100 } },
      [
        ['/generalize/radius', Code.UnknownParameter],
        ['/generalize', Code.MissingParameter],
      ],
    ],
    [
      'generalize parameters that are no object',
      { generalize: 15 },
      [['/generalize', Code.InvalidType]],
    ],
    ...[1, 101, 10.5, '10'].map((ageBand): Rejected => [
      `an age band of ${String(ageBand)}`,
      { generalize: { ageBand } },
      [['/generalize/ageBand', Code.InvalidParameter]],
    ]),
    ...[0, 7, 2880, 7.5, '15'].map((minutes): Rejected => [
      `a time floor of ${String(minutes)} minutes`,
      { generalize: { minutes } },
      [['/generalize/minutes', Code.InvalidParameter]],
    ]),
    ...[5, 1_000_001, 100.5].map((meters): Rejected => [
      `a geo grid of ${meters} m`,
      { generalize: { meters } },
      [['/generalize/meters', Code.InvalidParameter]],
    ]),
    ...[0, 101].map((boxGrid): Rejected => [
      `a box grid of ${boxGrid}`,
      { generalize: { boxGrid } },
      [['/generalize/boxGrid', Code.InvalidParameter]],
    ]),
    ['no bucket parameter', { bucket: {} }, [['/bucket', Code.MissingParameter]]],
    [
      'both bucket parameters',
      { bucket: { size: 10, edges: [1] } },
      [['/bucket', Code.ConflictingParameters]],
    ],
    ...[0, -5, 'ten', Infinity].map((size): Rejected => [
      `a bucket size of ${String(size)}`,
      { bucket: { size } },
      [['/bucket/size', Code.InvalidParameter]],
    ]),
    ['no edges', { bucket: { edges: [] } }, [['/bucket/edges', Code.Empty]]],
    ['edges that are no list', { bucket: { edges: 5 } }, [['/bucket/edges', Code.InvalidType]]],
    [
      'a repeated edge',
      { bucket: { edges: [18, 18, 65] } },
      [['/bucket/edges/1', Code.EdgesNotIncreasing]],
    ],
    [
      'descending edges',
      { bucket: { edges: [65, 18] } },
      [['/bucket/edges/1', Code.EdgesNotIncreasing]],
    ],
    [
      'edges that are no numbers',
      { bucket: { edges: [1, 'x', NaN] } },
      [
        ['/bucket/edges/1', Code.InvalidParameter],
        ['/bucket/edges/2', Code.InvalidParameter],
      ],
    ],
    [
      'too many edges',
      { bucket: { edges: Array.from({ length: 101 }, (_, i) => i) } },
      [['/bucket/edges', Code.InvalidParameter]],
    ],
    ['no region', { redact: [] }, [['/redact', Code.Empty]]],
    ['a region outside a list', { redact: 'face' }, [['/redact', Code.InvalidType]]],
    ['regions as an object', { redact: { face: true } }, [['/redact', Code.InvalidType]]],
    ['an unknown region', { redact: ['face', 'eyes'] }, [['/redact/1', Code.InvalidParameter]]],
    ['a repeated region', { redact: ['face', 'face'] }, [['/redact/1', Code.DuplicateValue]]],
  ])('should reject %s', (_name, spec, expected) => {
    const issues = validateTransformSpec(spec, AT);
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expected.map(([path, code]) => [`${AT}${path}`, code]),
    );
    for (const found of issues) {
      expect(found.es).not.toEqual(found.en);
      expect(found.es.length).toBeGreaterThan(10);
      expect(found.en.length).toBeGreaterThan(10);
    }
  });

  it('should root paths at the empty pointer when given one', () => {
    expect(validateTransformSpec({ mask: { keepLast: -1 } }, '')).toEqual([
      expect.objectContaining({ path: '/mask/keepLast', code: Code.InvalidParameter }),
    ]);
  });

  it('should explain a rotation that is too long in both languages', () => {
    expect(validateTransformSpec({ pseudonymize: { rotate: 'P7D' } }, AT)).toEqual([
      {
        path: `${AT}/pseudonymize/rotate`,
        code: Code.RotationTooLong,
        es: expect.stringContaining('24 h') as string,
        en: expect.stringContaining('24 h') as string,
      },
    ]);
  });

  it('should cut a huge unknown name in the message', () => {
    const [found] = validateTransformSpec('x'.repeat(10_000), AT);
    expect(found.en.length).toBeLessThan(200);
  });
});
