import type { DetectionData } from '@lib/contracts';
import type { TransformSpec } from '@lib/redaction';
import { TEST_KEYRING } from '../../test/v2/pe-policy.fixture';
import { compileFieldPlan } from './field-plan';

const event = (extra: Record<string, unknown> = {}): DetectionData => ({
  eventId: 'e-1',
  occurredAt: '2026-03-14T08:07:31.000Z',
  cameraId: 'cam-1',
  analyticType: 'fight',
  objectClass: 'person',
  confidence: 0.87,
  geo: { lat: -12.0931, lon: -77.0465 },
  boundingBox: { y: 0.2, x: 0.41, h: 0.3, w: 0.08 },
  attributes: {
    person: {
      age: 34,
      gender: 'female',
      clothing: { upper: { color: 'red', type: 'jacket' }, hat: false },
      ethnicity: 'x',
    },
  },
  identifiers: { plate: { value: 'ABC-123', country: 'PE' }, faceMatch: null },
  snapshot: { ref: 's3://b/e-1.jpg' },
  trackId: 'trk-1',
  ...extra,
});

function apply(fields: Record<string, TransformSpec>, input = event()) {
  const plan = compileFieldPlan({ purposeId: 'p', fields });
  return plan.apply({
    event: input,
    ctx: { purposeId: 'p', occurredAt: input.occurredAt, keyring: TEST_KEYRING },
  });
}

describe('compileFieldPlan', () => {
  it.each<[string, Record<string, TransformSpec>, unknown]>([
    ['listed leaves only', { zone: 'keep', cameraId: 'keep' }, { cameraId: 'cam-1' }],
    [
      'a time floored to 5 minutes',
      { occurredAt: { generalize: { minutes: 5 } } },
      { occurredAt: '2026-03-14T08:05:00.000Z' },
    ],
    [
      'a position on a 100 m grid',
      { geo: { generalize: { meters: 100 } } },
      { geo: { lat: -12.093514, lon: -77.046309 } },
    ],
    [
      'a box on a grid of 10, keys sorted',
      { boundingBox: { generalize: { boxGrid: 10 } } },
      { boundingBox: { h: 0.3, w: 0.1, x: 0.4, y: 0.2 } },
    ],
    [
      'a masked plate',
      { 'identifiers.plate.value': { mask: { keepLast: 3 } } },
      { identifiers: { plate: { value: '****123' } } },
    ],
    [
      'an age band',
      { 'attributes.person.age': { generalize: { ageBand: 10 } } },
      { attributes: { person: { age: '30-39' } } },
    ],
    [
      'a kept subtree, prohibited keys removed',
      { 'attributes.person': 'keep' },
      {
        attributes: {
          person: {
            age: 34,
            clothing: { hat: false, upper: { color: 'red', type: 'jacket' } },
            gender: 'female',
          },
        },
      },
    ],
    [
      'a kept subtree with refinements',
      {
        'attributes.person': 'keep',
        'attributes.person.age': { generalize: { ageBand: 10 } },
        'attributes.person.gender': 'drop',
        'attributes.person.clothing.upper.color': 'drop',
      },
      {
        attributes: {
          person: { age: '30-39', clothing: { hat: false, upper: { type: 'jacket' } } },
        },
      },
    ],
    ['a present null', { 'identifiers.faceMatch': 'keep' }, { identifiers: { faceMatch: null } }],
    ['nothing for absent paths', { 'attributes.vehicle.color': 'keep', trackId: 'drop' }, {}],
    [
      'nothing for a transform that drops the value',
      { 'attributes.person.age': { mask: { keepLast: 1 } } },
      {},
    ],
  ])('should produce %s', (_what, fields, expected) => {
    expect(apply(fields).data).toStrictEqual(expected);
  });

  it('should name in order the fields the data carries, and no others', () => {
    const out = apply({
      zone: 'keep',
      trackId: { pseudonymize: { rotate: 'P1D' } },
      'attributes.person.age': { generalize: { ageBand: 10 } },
      'identifiers.plate.value': { mask: { keepFirst: 1 } },
    });
    expect(out.carried).toEqual([
      { purpose: 'p', path: 'attributes.person.age', transform: 'generalize.ageBand' },
      { purpose: 'p', path: 'identifiers.plate.value', transform: 'mask' },
      { purpose: 'p', path: 'trackId', transform: 'pseudonymize' },
    ]);
    expect(out.data.trackId).toMatch(/^ps_/);
  });

  it('should order entries by the whole path, where a key sorts below "."', () => {
    const out = apply(
      { 'attributes.acme.x': 'keep', 'attributes.acme-2.y': 'keep' },
      event({ attributes: { acme: { x: 1 }, 'acme-2': { y: 2 } } }),
    );
    expect(out.carried.map((entry) => entry.path)).toEqual([
      'attributes.acme-2.y',
      'attributes.acme.x',
    ]);
  });

  it('should return the redaction regions of a kept snapshot, and none without one', () => {
    const fields: Record<string, TransformSpec> = { snapshot: { redact: ['plate', 'face'] } };
    expect(apply(fields).redaction).toEqual({ regions: ['face', 'plate'] });
    expect(apply(fields, event({ snapshot: undefined })).redaction).toBeNull();
  });

  it('should share nothing with the event and never change it', () => {
    const input = event();
    const before = JSON.stringify(input);
    const out = apply({ 'attributes.person.clothing': 'keep', geo: 'keep' }, input);
    (out.data.geo as { lat: number }).lat = 0;
    expect(JSON.stringify(input)).toBe(before);
  });

  it('should say when integer-like keys break the object key order', () => {
    const input = event({ attributes: { acme: { 10: 'a', 9: 'b' } } });
    expect(apply({ 'attributes.acme': 'keep' }, input).canonicalOrder).toBe(false);
    expect(apply({ zone: 'keep' }).canonicalOrder).toBe(true);
  });

  it('should read own keys only, never a "__proto__" or an inherited one', () => {
    const input = JSON.parse(
      '{"attributes":{"person":{"__proto__":{"polluted":true},"gender":"x"}}}',
    ) as DetectionData;
    const person = apply(
      { 'attributes.person': 'keep', 'attributes.person.toString': 'keep' },
      input,
    ).data.attributes as { person: object };
    expect(Object.keys(person.person)).toEqual(['gender']);
    expect(Object.getPrototypeOf(person.person)).toBe(Object.prototype);
  });
});
