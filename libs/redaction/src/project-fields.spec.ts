import type { DetectionData } from '@lib/contracts';
import { compileProjection } from './project-fields';
import { RedactionError, RedactionErrorCode } from './redaction.error';

function event(extra: Record<string, unknown> = {}): DetectionData {
  return {
    eventId: 'det-1',
    occurredAt: '2026-03-14T08:00:00.000Z',
    cameraId: 'cam-si-001',
    analyticType: 'fight',
    objectClass: 'person',
    confidence: 0.9,
    geo: { lat: -12.09, lon: -77.04 },
    attributes: {
      person: {
        age: 34,
        gender: 'male',
        clothing: { upper: { type: 'jacket', color: 'red' }, hat: false },
        carrying: ['backpack', 'umbrella'],
      },
    },
    identifiers: { plate: null, faceMatch: null },
    ...extra,
  };
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compileProjection', () => {
  it.each<[string, string[], unknown]>([
    ['top-level fields', ['eventId', 'confidence'], { confidence: 0.9, eventId: 'det-1' }],
    ['a nested leaf', ['geo.lat'], { geo: { lat: -12.09 } }],
    [
      'a nested subtree',
      ['attributes.person.clothing'],
      {
        attributes: {
          person: { clothing: { hat: false, upper: { color: 'red', type: 'jacket' } } },
        },
      },
    ],
    [
      'an array, whole',
      ['attributes.person.carrying'],
      { attributes: { person: { carrying: ['backpack', 'umbrella'] } } },
    ],
    ['a present null', ['identifiers.plate'], { identifiers: { plate: null } }],
    ['an absent top-level path', ['trackId', 'eventId'], { eventId: 'det-1' }],
    ['an absent nested path', ['attributes.vehicle.color'], {}],
    ['a path through a non-object', ['confidence.value', 'identifiers.plate.value'], {}],
    ['a path into an array', ['attributes.person.carrying.0'], {}],
    ['nothing listed', [], {}],
    [
      'a shorter path absorbing a longer one',
      ['attributes.person.clothing.upper.color', 'attributes.person.clothing'],
      {
        attributes: {
          person: { clothing: { hat: false, upper: { color: 'red', type: 'jacket' } } },
        },
      },
    ],
  ])('should copy only the listed paths: %s', (_name, paths, expected) => {
    expect(compileProjection(paths)(event())).toStrictEqual(expected);
  });

  it('should never create empty parents for absent paths', () => {
    const data = compileProjection(['attributes.person.clothing.lower', 'geo.alt'])(event());
    expect(data).toStrictEqual({});
  });

  it('should not mutate the input nor share objects with it', () => {
    const input = event();
    const before = JSON.stringify(input);
    const out = compileProjection(['attributes.person', 'geo'])(input);
    (out.attributes!.person!.carrying as string[]).push('knife');
    out.geo!.lat = 0;
    expect(JSON.stringify(input)).toBe(before);
  });

  it('should write keys in sorted order whatever the input order', () => {
    const project = compileProjection(['geo', 'eventId', 'confidence']);
    const a = project(event({ geo: { lat: 1, lon: 2 } }));
    const b = project({ ...event(), geo: { lon: 2, lat: 1 } });
    expect(JSON.stringify(a)).toBe('{"confidence":0.9,"eventId":"det-1","geo":{"lat":1,"lon":2}}');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('should read own keys only, never inherited ones', () => {
    const inherited = Object.create({ clothing: 'from-prototype' }) as Record<string, unknown>;
    inherited.age = 30;
    const input = event({ attributes: { person: inherited } });
    expect(compileProjection(['attributes.person.clothing'])(input)).toStrictEqual({});
    expect(compileProjection(['attributes.person.toString'])(input)).toStrictEqual({});
  });

  it('should not let a "__proto__" key in the event reach a prototype', () => {
    const input = JSON.parse(
      '{"eventId":"e","attributes":{"person":{"__proto__":{"polluted":true},"gender":"x","clothing":{}}}}',
    ) as DetectionData;
    const person = compileProjection(['attributes.person'])(input).attributes?.person ?? {};
    expect(Object.getPrototypeOf(person)).toBe(Object.prototype);
    expect((person as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(person)).toEqual(['clothing', 'gender']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should drop prohibited attribute keys even inside a kept subtree', () => {
    const input = event({
      attributes: {
        face: { mask: false, emotion: 'angry', Skin_Tone: 'x', embedding: [0.1, 0.2] },
      },
    });
    expect(compileProjection(['attributes.face'])(input)).toStrictEqual({
      attributes: { face: { mask: false } },
    });
  });

  it.each([
    '__proto__.polluted',
    'attributes.constructor',
    'attributes.person.ethnicity',
    'a..b',
    '',
  ])('should refuse to compile the path %p', (path) => {
    const error = thrownBy(() => compileProjection([path]));
    expect(error).toBeInstanceOf(RedactionError);
    expect((error as RedactionError).code).toBe(RedactionErrorCode.InvalidPath);
  });
});
