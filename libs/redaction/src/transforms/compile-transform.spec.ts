import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { compileTransform, redactionInstruction } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import { DROP, type TransformContext, type TransformSpec } from './transform-spec';

const ctx: TransformContext = {
  purposeId: 'delito-en-flagrancia',
  occurredAt: '2026-03-14T08:00:00.000Z',
  keyring: hkdfKeyring(Buffer.alloc(32, 7)),
};

const apply = (spec: TransformSpec, value: unknown): unknown =>
  compileTransform(spec).apply(value, ctx);

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compileTransform', () => {
  describe('keep, drop and redact', () => {
    const snapshot = { ref: 's3://bucket/det-1.jpg' };
    it.each<[TransformSpec, unknown, unknown]>([
      ['keep', 'ABC123', 'ABC123'],
      ['keep', null, null],
      ['keep', snapshot, snapshot],
      ['drop', 'ABC123', DROP],
      ['drop', null, DROP],
      ['drop', undefined, DROP],
      [{ redact: ['face'] }, snapshot, snapshot],
    ])('%p should turn %p into %p', (spec, value, expected) => {
      expect(apply(spec, value)).toBe(expected);
    });
  });

  describe('mask', () => {
    it.each<[TransformSpec, unknown, unknown]>([
      [{ mask: { keepLast: 3 } }, 'ABC1234', '****234'],
      [{ mask: { keepFirst: 2, keepLast: 2 } }, 'ABC1234', 'AB***34'],
      [{ mask: { keepFirst: 2, keepLast: 2, char: '#' } }, 'ABC1234', 'AB###34'],
      [{ mask: { keepFirst: 1, char: '•' } }, 'ABC', 'A••'],
      [{ mask: {} }, 'secret', '******'],
      // too short to hide anything under the counts: masked whole
      [{ mask: { keepFirst: 3, keepLast: 3 } }, 'ABC123', '******'],
      [{ mask: { keepFirst: 4, keepLast: 4 } }, 'abc', '***'],
      [{ mask: { keepLast: 1 } }, '', ''],
      // code points, never half a surrogate pair
      [{ mask: { keepFirst: 1, keepLast: 1 } }, 'a😀b😀c', 'a***c'],
      [{ mask: { keepFirst: 1, keepLast: 1 } }, '😀ab😀', '😀**😀'],
      [{ mask: { keepLast: 2, char: '🙈' } }, 'ñandú', '🙈🙈🙈dú'],
      [{ mask: { keepLast: 4 } }, 1234, DROP],
      [{ mask: { keepLast: 4 } }, null, DROP],
      [{ mask: { keepLast: 4 } }, { value: 'ABC1234' }, DROP],
    ])('%j should turn %p into %p', (spec, value, expected) => {
      expect(apply(spec, value)).toEqual(expected);
    });
  });

  describe('generalize', () => {
    it.each<[TransformSpec, unknown, unknown]>([
      [{ generalize: { ageBand: 10 } }, 34, '30-39'],
      [{ generalize: { ageBand: 10 } }, 30, '30-39'],
      [{ generalize: { ageBand: 10 } }, 39.99, '30-39'],
      [{ generalize: { ageBand: 10 } }, 0, '0-9'],
      [{ generalize: { ageBand: 10 } }, 150, '150-159'],
      [{ generalize: { ageBand: 5 } }, 34, '30-34'],
      [{ generalize: { ageBand: 25 } }, 60, '50-74'],
      [{ generalize: { ageBand: 10 } }, '30-39', '30-39'],
      [{ generalize: { ageBand: 10 } }, '30-40', DROP],
      [{ generalize: { ageBand: 10 } }, '34', DROP],
      [{ generalize: { ageBand: 10 } }, -1, DROP],
      [{ generalize: { ageBand: 10 } }, 151, DROP],
      [{ generalize: { ageBand: 10 } }, NaN, DROP],
      [{ generalize: { ageBand: 10 } }, Infinity, DROP],
      [{ generalize: { ageBand: 10 } }, null, DROP],
    ])('%j should turn %p into %p', (spec, value, expected) => {
      expect(apply(spec, value)).toEqual(expected);
    });

    it.each<[number, unknown, unknown]>([
      [15, '2026-03-14T08:07:59.999Z', '2026-03-14T08:00:00.000Z'],
      [15, '2026-03-14T08:15:00Z', '2026-03-14T08:15:00.000Z'],
      [15, '2026-03-14T08:29:59.123456789Z', '2026-03-14T08:15:00.000Z'],
      [15, '2026-03-14T03:22:10-05:00', '2026-03-14T08:15:00.000Z'],
      [1440, '2026-03-14T23:59:59.999Z', '2026-03-14T00:00:00.000Z'],
      // the UTC day: 20:00 in Lima is already the next day
      [1440, '2026-03-14T20:00:00-05:00', '2026-03-15T00:00:00.000Z'],
      [60, '1969-12-31T23:30:00Z', '1969-12-31T23:00:00.000Z'],
      [60, '2024-02-29T12:34:56Z', '2024-02-29T12:00:00.000Z'],
      [15, '2026-03-14 08:00:00Z', DROP],
      [15, '2026-03-14T08:00:00', DROP],
      [15, '2026-02-30T00:00:00Z', DROP],
      [15, '2025-02-29T00:00:00Z', DROP],
      [15, '2026-03-14T08:00:60Z', DROP],
      [15, '2026-03-14t08:00:00z', DROP],
      [15, 'not a date', DROP],
      [15, 1_773_475_200_000, DROP],
      [60, '0000-01-01T00:30:00+01:00', DROP],
    ])('minutes %p should turn %p into %p', (minutes, value, expected) => {
      expect(apply({ generalize: { minutes } }, value)).toEqual(expected);
    });

    it.each<[number, unknown, unknown]>([
      [100, { lat: -12.0464, lon: -77.0428 }, { lat: -12.046802, lon: -77.042983 }],
      [1000, { lat: -12.0464, lon: -77.0428 }, { lat: -12.050844, lon: -77.043683 }],
      [100, { lat: 0.0001, lon: 0.0001 }, { lat: 0.000449, lon: 0.000449 }],
      [100, { lat: 0, lon: 180 }, { lat: 0.000449, lon: 179.999551 }],
      // only lat and lon come out
      [250, { lat: -12.1, lon: -77.03, alt: 5 }, { lat: -12.099129, lon: -77.028864 }],
      [100, { lat: 91, lon: 0 }, DROP],
      [100, { lat: 0, lon: -180.5 }, DROP],
      [100, { lat: '1', lon: 2 }, DROP],
      [100, { lat: NaN, lon: 2 }, DROP],
      [100, { lat: 1 }, DROP],
      [100, [-12, -77], DROP],
      [100, null, DROP],
    ])('meters %p should turn %j into %j', (meters, value, expected) => {
      expect(apply({ generalize: { meters } }, value)).toEqual(expected);
    });

    it('should give a pole row a single cell', () => {
      expect(apply({ generalize: { meters: 10 } }, { lat: 90, lon: 123 })).toEqual({
        lat: 90,
        lon: 0,
      });
    });

    it.each<[number, unknown, unknown]>([
      [10, { x: 0.15, y: 0.22, w: 0.1, h: 0.3 }, { x: 0.1, y: 0.2, w: 0.2, h: 0.4 }],
      [10, { x: 0.3, y: 0.3, w: 0.2, h: 0.2 }, { x: 0.3, y: 0.3, w: 0.2, h: 0.2 }],
      [10, { x: 0.95, y: 0.95, w: 0.2, h: 0.2 }, { x: 0.9, y: 0.9, w: 0.1, h: 0.1 }],
      [10, { x: 1, y: 1, w: 0, h: 0 }, { x: 0.9, y: 0.9, w: 0.1, h: 0.1 }],
      [10, { x: 0.5, y: 0.5, w: 0, h: 0 }, { x: 0.5, y: 0.5, w: 0.1, h: 0.1 }],
      [
        4,
        { x: 0.3, y: 0.6, w: 0.1, h: 0.1, space: 'norm-tl' },
        { x: 0.25, y: 0.5, w: 0.25, h: 0.25 },
      ],
      [1, { x: 0.3, y: 0.6, w: 0.1, h: 0.1 }, { x: 0, y: 0, w: 1, h: 1 }],
      [10, { x: 0.1, y: 0.1, w: -0.1, h: 0.1 }, DROP],
      [10, { x: NaN, y: 0.1, w: 0.1, h: 0.1 }, DROP],
      [10, { x: 0.1, y: 0.1, w: 0.1 }, DROP],
      [10, 'x=0.1', DROP],
    ])('boxGrid %p should turn %j into %j', (boxGrid, value, expected) => {
      expect(apply({ generalize: { boxGrid } }, value)).toEqual(expected);
    });
  });

  describe('bucket', () => {
    it.each<[TransformSpec, unknown, unknown]>([
      [{ bucket: { size: 10 } }, 34, 30],
      [{ bucket: { size: 10 } }, -1, -10],
      [{ bucket: { size: 10 } }, -0, 0],
      [{ bucket: { size: 10 } }, 1e10, 1e10],
      [{ bucket: { size: 10 } }, 1e11, DROP],
      [{ bucket: { size: 0.1 } }, 0.3, 0.3],
      [{ bucket: { size: 0.1 } }, 0.95, 0.9],
      [{ bucket: { size: 0.1 } }, 0.7, 0.7],
      [{ bucket: { size: 0.25 } }, 0.6, 0.5],
      [{ bucket: { size: 5 } }, '34', DROP],
      [{ bucket: { size: 5 } }, NaN, DROP],
      [{ bucket: { size: 5 } }, Infinity, DROP],
      [{ bucket: { edges: [18, 65] } }, 17, '(-inf,18)'],
      [{ bucket: { edges: [18, 65] } }, 18, '[18,65)'],
      [{ bucket: { edges: [18, 65] } }, 64.9, '[18,65)'],
      [{ bucket: { edges: [18, 65] } }, 65, '[65,+inf)'],
      [{ bucket: { edges: [18, 65] } }, '[18,65)', '[18,65)'],
      [{ bucket: { edges: [18, 65] } }, '18', DROP],
      [{ bucket: { edges: [18, 65] } }, -Infinity, DROP],
      [{ bucket: { edges: [0.5] } }, 0.4, '(-inf,0.5)'],
      [{ bucket: { edges: [0.5] } }, 0.5, '[0.5,+inf)'],
      [{ bucket: { edges: [-10, 0, 10, 20, 30] } }, 25, '[20,30)'],
    ])('%j should turn %p into %p', (spec, value, expected) => {
      expect(apply(spec, value)).toEqual(expected);
    });
  });

  it.each<[TransformSpec, string]>([
    ['keep', 'keep'],
    ['drop', 'drop'],
    [{ mask: {} }, 'mask'],
    [{ pseudonymize: { rotate: 'P1D' } }, 'pseudonymize'],
    [{ generalize: { ageBand: 10 } }, 'generalize.ageBand'],
    [{ generalize: { minutes: 5 } }, 'generalize.minutes'],
    [{ generalize: { meters: 100 } }, 'generalize.meters'],
    [{ generalize: { boxGrid: 4 } }, 'generalize.boxGrid'],
    [{ bucket: { size: 5 } }, 'bucket.size'],
    [{ bucket: { edges: [1] } }, 'bucket.edges'],
    [{ redact: ['plate'] }, 'redact'],
  ])('should name %j %p', (spec, name) => {
    expect(compileTransform(spec).name).toBe(name);
  });

  it.each<[string, unknown, string]>([
    [
      'a rotation over a day',
      { pseudonymize: { rotate: 'P2D' } },
      '/pseudonymize/rotate rotation_too_long',
    ],
    ['an unknown transform', 'hash', '/ unknown_transform'],
    [
      'two problems',
      { mask: { keepFirst: -1, char: '' } },
      '/mask/keepFirst invalid_parameter, /mask/char',
    ],
  ])('should refuse %s with redaction_invalid_transform', (_name, spec, listed) => {
    const error = thrownBy(() => compileTransform(spec as TransformSpec));
    expect(error).toBeInstanceOf(RedactionError);
    expect(error).toMatchObject({ code: RedactionErrorCode.InvalidTransform });
    expect((error as Error).message).toContain(listed);
  });
});

describe('redactionInstruction', () => {
  it.each<[TransformSpec, unknown]>([
    [{ redact: ['person', 'face'] }, { regions: ['face', 'person'] }],
    [{ redact: ['plate'] }, { regions: ['plate'] }],
    [{ redact: ['plate', 'person', 'face'] }, { regions: ['face', 'plate', 'person'] }],
    ['keep', null],
    [{ mask: { keepLast: 2 } }, null],
  ])('should turn %j into %j', (spec, expected) => {
    expect(redactionInstruction(spec)).toEqual(expected);
  });

  it('should refuse an invalid spec', () => {
    const spec = { redact: [] } as unknown as TransformSpec;
    expect(thrownBy(() => redactionInstruction(spec))).toMatchObject({
      code: RedactionErrorCode.InvalidTransform,
    });
  });
});
