import { CANONICAL_FIELD_PATHS, isKnownFieldPath } from './field-paths';

describe('CANONICAL_FIELD_PATHS', () => {
  it('should list every field a policy may name, derived from the schema', () => {
    expect(CANONICAL_FIELD_PATHS).toEqual(
      expect.arrayContaining([
        'eventId',
        'occurredAt',
        'cameraId',
        'siteId',
        'zone',
        'geo',
        'geo.lat',
        'geo.lon',
        'analyticType',
        'objectClass',
        'confidence',
        'boundingBox',
        'attributes',
        'attributes.person',
        'attributes.person.clothing',
        'attributes.person.clothing.upper.color',
        'attributes.person.carrying',
        'attributes.vehicle.make',
        'attributes.face',
        'identifiers',
        'identifiers.plate',
        'identifiers.plate.value',
        'identifiers.faceMatch.subjectRef',
        'snapshot',
        'snapshot.ref',
        'snapshot.image',
        'snapshot.boxes',
        'trackId',
        'vendor',
        'vendor.kind',
      ]),
    );
  });

  it('should list each path once', () => {
    expect(new Set(CANONICAL_FIELD_PATHS).size).toBe(CANONICAL_FIELD_PATHS.length);
  });

  it('should be frozen, so no consumer can widen it', () => {
    expect(Object.isFrozen(CANONICAL_FIELD_PATHS)).toBe(true);
  });
});

describe('isKnownFieldPath', () => {
  it.each([
    'occurredAt',
    'geo',
    'attributes.person.clothing',
    'identifiers.plate',
    'snapshot',
    'attributes.person.someVendorKey',
    'attributes.person.clothing.upper.pattern',
    'attributes.person.hair.colour.primary',
    'attributes.face.glasses',
    'attributes.acmevision',
    'attributes.acmevision.zone_score',
    'attributes.hikvision_face.ageGroup.value',
  ])('should accept %s', (path) => {
    expect(isKnownFieldPath(path)).toBe(true);
  });

  it.each([
    ['an empty path', ''],
    ['an unknown top-level field', 'embedding'],
    ['a key the closed geo object cannot hold', 'geo.alt'],
    ['a path below a scalar', 'confidence.value'],
    ['a path below a scalar in an open group', 'attributes.person.age.years'],
    ['a key the closed plate object cannot hold', 'identifiers.plate.owner'],
    ['an envelope attribute (not part of data)', 'time'],
    ['a JSON Pointer instead of a dotted path', '/data/geo'],
    ['an empty segment', 'attributes..person'],
    ['a trailing dot', 'attributes.person.'],
    ['an attribute group name the schema rejects', 'attributes.acme vision'],
    ['a prototype key', 'attributes.person.__proto__'],
    ['a constructor key', 'attributes.constructor.name'],
  ])('should reject %s', (_label, path) => {
    expect(isKnownFieldPath(path)).toBe(false);
  });
});
