import type { DetectionAttributes, DetectionIdentifiers, GeoPoint } from '@lib/contracts';
import { nonEmpty, toLabel } from './canonical.util';
import { isRecord } from './fields.util';
import { subjectRef } from './subject-ref.util';

/** Full-schema attributes and identifiers of the object's class key (formats.md §1.1). */
export function describeFull(
  classKey: string | undefined,
  text: (key: string) => string | undefined,
  age: number | undefined,
): { attributes: DetectionAttributes; identifiers: DetectionIdentifiers } {
  // age 0 is DeepStream's "no secondary inference" (formats.md §1.1)
  const knownAge = age === undefined || age === 0 ? undefined : Math.round(age);
  switch (classKey) {
    case 'vehicle': {
      const plate = toLabel(text('license'), 32);
      return {
        attributes: {
          vehicle: nonEmpty({
            type: text('type'),
            make: text('make'),
            model: text('model'),
            color: text('color'),
          }),
        },
        identifiers: {
          plate:
            plate === undefined
              ? undefined
              : nonEmpty({ value: plate, country: toLabel(text('licenseState'), 16) }),
        },
      };
    }
    case 'person':
      return {
        attributes: {
          person: nonEmpty({
            age: knownAge,
            gender: text('gender'),
            hair: text('hair'),
            cap: text('cap'),
            apparel: text('apparel'),
          }),
        },
        identifiers: {},
      };
    case 'face': {
      const name = text('name');
      return {
        attributes: {
          face: nonEmpty({
            age: knownAge,
            gender: text('gender'),
            hair: text('hair'),
            cap: text('cap'),
            glasses: text('glasses'),
            facialhair: text('facialhair'),
            eyecolor: text('eyecolor'),
          }),
        },
        identifiers: {
          faceMatch: name === undefined ? undefined : { subjectRef: subjectRef(name) },
        },
      };
    }
    case undefined:
    default:
      return { attributes: {}, identifiers: {} };
  }
}

export // 0,0 is nvmsgconv's "unset" (formats.md §6)
function geoOf(value: unknown): GeoPoint | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { lat, lon } = value;
  if (typeof lat !== 'number' || typeof lon !== 'number' || (lat === 0 && lon === 0)) {
    return undefined;
  }
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}
