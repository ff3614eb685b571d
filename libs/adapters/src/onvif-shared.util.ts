import type { BoundingBox, DetectionIdentifiers } from '@lib/contracts';
import type { AdapterImage } from './adapter.types';
import { boxFromCorners, nonEmpty, toLabel } from './canonical.util';
import { isRecord, isUnknownWord, type Fields, type Rec } from './fields.util';

/** ONVIF class names in the canonical vocabulary (a plate is read as its vehicle). */
export const ONVIF_CLASSES: Readonly<Record<string, string>> = {
  Human: 'person',
  HumanFace: 'face',
  Face: 'face',
  Vehicle: 'vehicle',
  LicensePlate: 'vehicle',
  Animal: 'animal',
  Bicycle: 'bicycle',
  Bike: 'bicycle',
  Barcode: 'barcode',
  Fire: 'fire',
  Smoke: 'smoke',
};

export interface Transformation {
  tx: number;
  ty: number;
  sx: number;
  sy: number;
}

export const IDENTITY: Transformation = { tx: 0, ty: 0, sx: 1, sy: 1 };

/** `Translate` and `Scale` redefine a subtree's coordinates (metadatastream.xsd). */
export function transformationOf(value: unknown, fields: Fields, path: string): Transformation {
  if (!isRecord(value)) {
    return IDENTITY;
  }
  const translate = isRecord(value.Translate) ? value.Translate : {};
  const scale = isRecord(value.Scale) ? value.Scale : {};
  return {
    tx: fields.optNumber(translate, '@x', `${path}/Translate`) ?? 0,
    ty: fields.optNumber(translate, '@y', `${path}/Translate`) ?? 0,
    sx: fields.optNumber(scale, '@x', `${path}/Scale`) ?? 1,
    sy: fields.optNumber(scale, '@y', `${path}/Scale`) ?? 1,
  };
}

/**
 * ONVIF boxes are −1..1 with the origin at the centre and y up (`top > bottom`):
 * x = (l+1)/2, y = (1−t)/2, w = (r−l)/2, h = (t−b)/2, after the Transformation.
 */
export function onvifBox(
  value: unknown,
  fields: Fields,
  path: string,
  transform: Transformation,
): BoundingBox | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isRecord(value)) {
    return fields.fail(path, 'must be an object with @left, @top, @right, @bottom');
  }
  const [left, top, right, bottom] = ['@left', '@top', '@right', '@bottom'].map((key) =>
    fields.number(value, key, path),
  );
  if (left === undefined || top === undefined || right === undefined || bottom === undefined) {
    return undefined;
  }
  const l = transform.tx + transform.sx * left;
  const r = transform.tx + transform.sx * right;
  const t = transform.ty + transform.sy * top;
  const b = transform.ty + transform.sy * bottom;
  const outcome = boxFromCorners((l + 1) / 2, (1 - t) / 2, (r + 1) / 2, (1 - b) / 2);
  return 'box' in outcome ? outcome.box : fields.fail(path, outcome.error);
}

/** A StringLikelihood: plain text, or `{"#text", "@Likelihood"}`. */
export function likely(value: unknown): { text?: string; likelihood?: number } {
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    return { text: isUnknownWord(text) ? undefined : text };
  }
  if (!isRecord(value)) {
    return {};
  }
  const text = value['#text'];
  const likelihood = Number(value['@Likelihood']);
  return {
    text: typeof text === 'string' && !isUnknownWord(text) ? text : undefined,
    likelihood:
      Number.isFinite(likelihood) && likelihood >= 0 && likelihood <= 1 ? likelihood : undefined,
  };
}

/** The most likely of `Class.Type*`. */
export function bestClass(classNode: unknown): { name?: string; likelihood?: number } {
  if (!isRecord(classNode)) {
    return {};
  }
  const types = Array.isArray(classNode.Type) ? (classNode.Type as unknown[]) : [classNode.Type];
  let best: { name?: string; likelihood?: number } = {};
  for (const type of types) {
    const { text, likelihood } = likely(type);
    if (
      text !== undefined &&
      (best.name === undefined || (likelihood ?? 0) > (best.likelihood ?? 0))
    ) {
      best = { name: text, likelihood };
    }
  }
  return best;
}

export function plateOf(info: unknown): DetectionIdentifiers['plate'] {
  if (!isRecord(info)) {
    return undefined;
  }
  const number = likely(info.PlateNumber);
  const value = toLabel(number.text, 32);
  return value === undefined
    ? undefined
    : nonEmpty({
        value,
        country: toLabel(likely(info.CountryCode).text, 16),
        confidence: number.likelihood,
      });
}

export function vehicleOf(info: unknown): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(info) ? info[0] : info;
  if (!isRecord(first)) {
    return undefined;
  }
  const text = (key: string): string | undefined => toLabel(likely(first[key]).text);
  return nonEmpty({
    type: text('Type'),
    make: text('Brand'),
    model: text('Model'),
    color: text('Color'),
  });
}

const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** An inline base64 image, taken out of the event; only JPEG is kept. */
export function inlineJpeg(value: unknown): AdapterImage | undefined {
  const text = typeof value === 'string' ? value : isRecord(value) ? value['#text'] : undefined;
  if (typeof text !== 'string' || text.length < 8) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  return JPEG_MAGIC.every((byte, i) => bytes[i] === byte)
    ? { bytes, contentType: 'image/jpeg' }
    : undefined;
}

export function uriRef(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : isRecord(value) ? value['#text'] : undefined;
  return typeof text === 'string' && /^[!-~]{1,2048}$/.test(text) ? text : undefined;
}

export function objectIdOf(value: unknown): string | undefined {
  const raw: unknown = isRecord(value) ? value['@ObjectId'] : value;
  return typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')
    ? String(raw)
    : undefined;
}

export type { Rec };
