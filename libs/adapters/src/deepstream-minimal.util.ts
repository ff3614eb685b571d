import type { DetectionAttributes, DetectionIdentifiers } from '@lib/contracts';
import { nonEmpty, toId, toLabel, toToken } from './canonical.util';
import { isUnknownWord, type Fields } from './fields.util';
import { subjectRef } from './subject-ref.util';

export interface MinimalObject {
  trackId: string;
  corners?: [number, number, number, number];
  objectClass: string;
  confidence?: number;
  attributes: DetectionAttributes;
  identifiers: DetectionIdentifiers;
}

// Positional attributes after the class (formats.md §1.2); the face record has an empty field
// before eyecolor in the stock code.
const LAYOUTS: Readonly<Record<string, readonly string[]>> = {
  vehicle: ['type', 'make', 'model', 'color', 'license', 'region'],
  person: ['gender', 'age', 'hair', 'cap', 'apparel'],
  face: ['gender', 'age', 'hair', 'cap', 'glasses', 'facialhair', 'name', '', 'eyecolor'],
};

/** `trackId|left|top|right|bottom|Class[|#|attrs…|conf]` */
export function parseMinimalObject(
  record: unknown,
  path: string,
  fields: Fields,
): MinimalObject | undefined {
  if (typeof record !== 'string') {
    return fields.fail(path, 'must be a pipe-delimited object record');
  }
  const parts = record.split('|');
  if (parts.length < 6) {
    return fields.fail(path, 'must have at least trackId|left|top|right|bottom|class');
  }
  const trackId = toId(parts[0].trim());
  const coords = parts.slice(1, 5).map((part) => (part.trim() === '' ? NaN : Number(part)));
  const objectClass = toToken(parts[5]);
  if (trackId === undefined || objectClass === undefined) {
    return fields.fail(path, 'has no track id or no class');
  }
  if (!coords.every(Number.isFinite)) {
    return fields.fail(path, 'box fields must be numbers');
  }
  let values: string[];
  let confidence: number | undefined;
  if (parts[6] === '#') {
    values = parts.slice(7, -1);
    const last = parts.length > 7 ? Number(parts[parts.length - 1]) : NaN;
    if (!Number.isFinite(last) || last < 0 || last > 1) {
      return fields.fail(path, 'confidence (the last field) must be a number in 0..1');
    }
    confidence = last;
  } else {
    values = parts.slice(6);
  }
  const layout = LAYOUTS[objectClass];
  const named: Record<string, string | undefined> = {};
  values.forEach((value, index) => {
    const key = layout?.[index];
    if (key !== undefined && key !== '' && !isUnknownWord(value)) {
      named[key] = toLabel(value);
    }
  });
  const allZero = coords.every((c) => c === 0);
  return {
    trackId,
    corners: allZero ? undefined : (coords as [number, number, number, number]),
    objectClass,
    confidence,
    ...describe(objectClass, named, layout === undefined ? values : []),
  };
}

function describe(
  objectClass: string,
  named: Record<string, string | undefined>,
  unlabelled: readonly string[],
): Pick<MinimalObject, 'attributes' | 'identifiers'> {
  const age = Number(named.age);
  const knownAge = Number.isInteger(age) && age > 0 && age <= 150 ? age : undefined;
  switch (objectClass) {
    case 'vehicle': {
      const plate = toLabel(named.license, 32);
      return {
        attributes: {
          vehicle: nonEmpty({
            type: named.type,
            make: named.make,
            model: named.model,
            color: named.color,
          }),
        },
        identifiers: {
          plate:
            plate === undefined
              ? undefined
              : nonEmpty({ value: plate, country: toLabel(named.region, 16) }),
        },
      };
    }
    case 'person':
      return {
        attributes: {
          person: nonEmpty({
            gender: named.gender,
            age: knownAge,
            hair: named.hair,
            cap: named.cap,
            apparel: named.apparel,
          }),
        },
        identifiers: {},
      };
    case 'face':
      return {
        attributes: {
          face: nonEmpty({
            gender: named.gender,
            age: knownAge,
            hair: named.hair,
            cap: named.cap,
            glasses: named.glasses,
            facialhair: named.facialhair,
            eyecolor: named.eyecolor,
          }),
        },
        identifiers: {
          faceMatch: named.name === undefined ? undefined : { subjectRef: subjectRef(named.name) },
        },
      };
    default: {
      // newapi: classifier labels for a custom class, kept as a list
      const labels = unlabelled
        .map((value) => toLabel(value))
        .filter((v): v is string => v !== undefined);
      return {
        attributes: { classifier: labels.length > 0 ? { labels } : undefined },
        identifiers: {},
      };
    }
  }
}
