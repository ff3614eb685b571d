import type { DetectionAttributes, GeoPoint } from '@lib/contracts';
import type { AdapterItem } from './adapter.types';
import {
  buildEvent,
  nonEmpty,
  parseTime,
  toLabel,
  toToken,
  type CameraContext,
} from './canonical.util';
import { type Fields, isRecord, pointer, type Rec } from './fields.util';
import {
  bestClass,
  inlineJpeg,
  likely,
  objectIdOf,
  ONVIF_CLASSES,
  onvifBox,
  plateOf,
  transformationOf,
  uriRef,
  type Transformation,
  vehicleOf,
} from './onvif-shared.util';

const KIND = 'onvif';
// special-category proxies (formats.md §3, hint 1): never copied
const SPECIAL_CATEGORY = ['Complexion', 'Hijab'];

export interface SceneContext {
  fields: Fields;
  camera: CameraContext;
  topic: string;
  module?: string;
}

/** `onvif-mj` scene description: one event per classified object of each frame. */
export function sceneItems(message: Rec, context: SceneContext): AdapterItem[] {
  const { fields } = context;
  const analytics = isRecord(message.MetadataStream)
    ? message.MetadataStream.VideoAnalytics
    : message.VideoAnalytics;
  const holder = isRecord(analytics) ? analytics : message;
  const base =
    holder === message
      ? ''
      : holder === message.VideoAnalytics
        ? '/VideoAnalytics'
        : '/MetadataStream/VideoAnalytics';
  const frames = fields.optList(holder, 'Frame');
  if (frames.length === 0) {
    fields.fail(`${base}/Frame`, 'is required');
  }
  const items: AdapterItem[] = [];
  frames.forEach((frame, index) => {
    const path = Array.isArray(holder.Frame) ? pointer(`${base}/Frame`, index) : `${base}/Frame`;
    if (!isRecord(frame)) {
      fields.fail(path, 'must be an object');
      return;
    }
    items.push(...frameItems(frame, path, context));
  });
  return items;
}

function frameItems(frame: Rec, path: string, context: SceneContext): AdapterItem[] {
  const { fields, camera } = context;
  const utc = fields.text(frame, '@UtcTime', path);
  const time = utc === undefined ? undefined : parseTime(utc);
  if (utc !== undefined && time === undefined) {
    fields.fail(pointer(path, '@UtcTime'), 'must be an ISO 8601 date-time');
  }
  const transform = transformationOf(frame.Transformation, fields, `${path}/Transformation`);
  const items: AdapterItem[] = [];
  fields.optList(frame, 'Object').forEach((object, index) => {
    const at = Array.isArray(frame.Object) ? pointer(`${path}/Object`, index) : `${path}/Object`;
    if (!isRecord(object)) {
      fields.fail(at, 'must be an object');
      return;
    }
    const objectId = objectIdOf(object['@ObjectId']);
    const appearance = fields.optRecord(object, 'Appearance', at);
    // an object without appearance only updates behaviour (Removed, Idle): not a detection
    if (objectId === undefined) {
      fields.fail(pointer(at, '@ObjectId'), 'is required');
      return;
    }
    if (appearance === undefined || time === undefined) {
      return;
    }
    const appPath = `${at}/Appearance`;
    const shape = fields.optRecord(appearance, 'Shape', appPath) ?? {};
    const local = transformationOf(object.Transformation, fields, `${at}/Transformation`);
    const box = onvifBox(
      shape.BoundingBox,
      fields,
      `${appPath}/Shape/BoundingBox`,
      compose(transform, local),
    );
    const cls = bestClass(appearance.Class);
    const objectClass = (cls.name && (ONVIF_CLASSES[cls.name] ?? toToken(cls.name))) || 'object';
    const plate = plateOf(appearance.LicensePlateInfo);
    const notes = [
      ...(time.zoneless ? ['time-without-zone'] : []),
      ...(hasSpecialCategory(appearance.HumanFace) ? ['special-category-dropped'] : []),
      ...(cls.likelihood === undefined ? ['confidence-unknown'] : []),
    ];
    const event = buildEvent({
      camera,
      occurredAt: time.iso,
      analyticType: 'scene',
      objectClass,
      confidence: cls.likelihood ?? 0,
      idParts: [KIND, camera.cameraId, context.topic, utc, objectId],
      vendor: { kind: KIND, eventType: 'onvif-mj', model: context.module },
      boundingBox: box,
      geo: geoOf(appearance.GeoLocation),
      attributes: attributesOf(appearance),
      identifiers: { plate },
      snapshot: nonEmpty({
        ref: uriRef(appearance.ImageRef),
        boxes:
          box === undefined ? undefined : [{ ...box, kind: plate ? 'plate' : kindOf(objectClass) }],
      }),
      trackId: objectId,
    });
    const image = inlineJpeg(appearance.Image);
    items.push(
      nonEmpty({ event, image, notes: notes.length > 0 ? notes : undefined }) as AdapterItem,
    );
  });
  return items;
}

function compose(outer: Transformation, inner: Transformation): Transformation {
  return {
    tx: outer.tx + outer.sx * inner.tx,
    ty: outer.ty + outer.sy * inner.ty,
    sx: outer.sx * inner.sx,
    sy: outer.sy * inner.sy,
  };
}

export function kindOf(objectClass: string): 'face' | 'person' | 'vehicle' | 'object' {
  return objectClass === 'face' || objectClass === 'person' || objectClass === 'vehicle'
    ? objectClass
    : 'object';
}

function attributesOf(appearance: Rec): DetectionAttributes {
  const face = isRecord(appearance.HumanFace) ? appearance.HumanFace : undefined;
  const body = isRecord(appearance.HumanBody) ? appearance.HumanBody : undefined;
  const accessory = face !== undefined && isRecord(face.Accessory) ? face.Accessory : {};
  const wears = (key: string): boolean | undefined => {
    const item = accessory[key];
    const wear: unknown = isRecord(item) ? item.Wear : undefined;
    return typeof wear === 'boolean'
      ? wear
      : wear === 'true'
        ? true
        : wear === 'false'
          ? false
          : undefined;
  };
  const age = face !== undefined && isRecord(face.Age) ? face.Age : {};
  const clothing = body !== undefined && isRecord(body.Clothing) ? body.Clothing : {};
  const category = (key: string): { type?: string } | undefined => {
    const piece = clothing[key];
    return isRecord(piece)
      ? nonEmpty({ type: toLabel(likely(piece.Category).text ?? likely(piece.Style).text) })
      : undefined;
  };
  return {
    face:
      face === undefined
        ? undefined
        : nonEmpty({
            gender: toLabel(typeof face.Gender === 'string' ? face.Gender : undefined),
            ageMin: typeof age.Min === 'number' ? age.Min : undefined,
            ageMax: typeof age.Max === 'number' ? age.Max : undefined,
            mask: wears('Mask'),
            glasses: wears('Opticals'),
            hat: wears('Hat'),
            helmet: wears('Helmet'),
          }),
    person:
      body === undefined
        ? undefined
        : nonEmpty({ clothing: nonEmpty({ upper: category('Tops'), lower: category('Bottoms') }) }),
    vehicle: vehicleOf(appearance.VehicleInfo),
  };
}

function hasSpecialCategory(face: unknown): boolean {
  return (
    isRecord(face) &&
    (face.Complexion !== undefined ||
      (isRecord(face.Accessory) &&
        SPECIAL_CATEGORY.some((k) => (face.Accessory as Rec)[k] !== undefined)))
  );
}

function geoOf(value: unknown): GeoPoint | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const lat = Number(value['@lat']);
  const lon = Number(value['@lon']);
  return Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    (lat !== 0 || lon !== 0)
    ? { lat, lon }
    : undefined;
}
