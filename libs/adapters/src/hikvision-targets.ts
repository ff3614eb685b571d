import type { BoundingBox } from '@lib/contracts';
import type { AdapterImage, AdapterItem, AdapterPart } from './adapter.types';
import {
  boxFromCorners,
  boxFromPixels,
  buildEvent,
  nonEmpty,
  toLabel,
  type CameraContext,
  type EventDraft,
} from './canonical.util';
import { isRecord, pointer, type Fields, type Rec } from './fields.util';

const KIND = 'hikvision-isapi';
const TARGET_CLASSES: Readonly<Record<string, string>> = {
  human: 'person',
  vehicle: 'vehicle',
  others: 'object',
};

export interface HikContext {
  fields: Fields;
  alert: Rec;
  base: string;
  camera: CameraContext;
  occurredAt: string;
  eventType: string;
  analyticType: string;
  uuid?: string;
  postCount?: string;
  dateTime: string;
  jpegs: AdapterPart[];
  pickImage: (
    jpegs: readonly AdapterPart[],
    refs: ReadonlyArray<string | undefined>,
  ) => AdapterImage | undefined;
}

type Draft = Omit<EventDraft, 'camera' | 'occurredAt' | 'analyticType' | 'idParts' | 'vendor'>;

function event(
  context: HikContext,
  index: number,
  draft: Draft,
  image?: AdapterImage,
): AdapterItem {
  const { camera, uuid } = context;
  // UUID when the device sends one, else the envelope fields that tell alerts apart (§6)
  const idParts =
    uuid !== undefined
      ? [KIND, camera.cameraId, uuid, context.analyticType, index]
      : [KIND, camera.cameraId, context.eventType, context.dateTime, context.postCount, index];
  const built = buildEvent({
    ...draft,
    camera,
    occurredAt: context.occurredAt,
    analyticType: context.analyticType,
    idParts,
    vendor: { kind: KIND, eventType: context.eventType },
  });
  const notes = draft.confidence === 0 ? ['confidence-unknown'] : undefined;
  return nonEmpty({ event: built, image, notes }) as AdapterItem;
}

/** ANPR: one vehicle with its plate; plateRect is in pixels of the detection picture. */
export function hikvisionAnpr(context: HikContext): AdapterItem[] {
  const { fields, camera } = context;
  const path = pointer(context.base, 'ANPR');
  const anpr = context.alert.ANPR as Rec;
  const plate = fields.optText(anpr, 'licensePlate', path);
  const confidence = fields.optNumber(anpr, 'confidenceLevel', path, { min: 0, max: 100 });
  const info = fields.optRecord(anpr, 'vehicleInfo', path) ?? {};
  const infoPath = pointer(path, 'vehicleInfo');
  const pictures = fields.optList(
    fields.optRecord(anpr, 'pictureInfoList', path) ?? {},
    'pictureInfo',
  );
  let plateBox: BoundingBox | undefined;
  let detectionFile: string | undefined;
  pictures.forEach((picture, index) => {
    if (!isRecord(picture)) {
      return;
    }
    const at = pointer(pointer(pointer(path, 'pictureInfoList'), 'pictureInfo'), index);
    if (fields.optText(picture, 'type', at) === 'detectionPicture') {
      detectionFile = fields.optText(picture, 'fileName', at);
      const rect = fields.optRecord(picture, 'plateRect', at);
      plateBox =
        rect === undefined ? undefined : pixelRect(fields, rect, pointer(at, 'plateRect'), camera);
    }
  });
  const image = context.pickImage(context.jpegs, [detectionFile, 'detectionPicture.jpg']);
  const plateValue = toLabel(plate, 32);
  return [
    event(
      context,
      0,
      {
        objectClass: 'vehicle',
        confidence: confidence === undefined ? 0 : confidence / 100,
        zone: laneOf(fields.optText(anpr, 'line', path)),
        boundingBox: plateBox,
        attributes: {
          vehicle: nonEmpty({
            type: toLabel(fields.optText(anpr, 'vehicleType', path)),
            color: toLabel(fields.optText(info, 'color', infoPath)),
            // 0 is the device's 'not recognised'
            model: notZero(toLabel(fields.optText(info, 'vehileModel', infoPath))),
          }),
          anpr: nonEmpty({
            direction: fields.optText(anpr, 'direction', path),
            plateColor: fields.optText(anpr, 'plateColor', path),
            plateType: fields.optText(anpr, 'plateType', path),
            listName: fields.optText(anpr, 'vehicleListName', path),
          }),
        },
        identifiers: {
          plate:
            plateValue === undefined
              ? undefined
              : nonEmpty({
                  value: plateValue,
                  country: toLabel(fields.optText(anpr, 'country', path), 16),
                  confidence: confidence === undefined ? undefined : confidence / 100,
                }),
        },
        snapshot: plateBox === undefined ? undefined : { boxes: [{ ...plateBox, kind: 'plate' }] },
      },
      image,
    ),
  ];
}

/** faceCapture (JSON): one event per face; faceRect is normalised, origin top-left. */
export function hikvisionFaces(context: HikContext): AdapterItem[] {
  const { fields } = context;
  const items: AdapterItem[] = [];
  const capturesPath = pointer(context.base, 'faceCapture');
  fields.optList(context.alert, 'faceCapture').forEach((capture, ci) => {
    const at = pointer(capturesPath, ci);
    if (!isRecord(capture)) {
      fields.fail(at, 'must be an object');
      return;
    }
    const target = fields.optRecord(capture, 'targetAttrs', at) ?? {};
    const background = [
      fields.optText(target, 'pId', pointer(at, 'targetAttrs')),
      fields.optText(target, 'contentID', pointer(at, 'targetAttrs')),
    ];
    fields.optList(capture, 'faces').forEach((face, fi) => {
      const facePath = pointer(pointer(at, 'faces'), fi);
      if (!isRecord(face)) {
        fields.fail(facePath, 'must be an object');
        return;
      }
      const score = fields.optNumber(face, 'faceScore', facePath, { min: 0, max: 100 });
      const rect = fields.optRecord(face, 'faceRect', facePath);
      const box =
        rect === undefined
          ? undefined
          : unitRect(fields, rect, pointer(facePath, 'faceRect'), ['x', 'y', 'width', 'height']);
      const ownRefs = [
        fields.optText(face, 'pId', facePath),
        fields.optText(face, 'contentID', facePath),
      ];
      items.push(
        event(
          context,
          items.length,
          {
            objectClass: 'face',
            confidence: score === undefined ? 0 : score / 100,
            boundingBox: box,
            attributes: { face: faceAttributes(face) },
            snapshot: box === undefined ? undefined : { boxes: [{ ...box, kind: 'face' }] },
            trackId: fields.optText(face, 'faceId', facePath),
          },
          context.pickImage(context.jpegs, [...background, ...ownRefs]),
        ),
      );
    });
  });
  if (items.length === 0 && !fields.failed) {
    fields.fail(capturesPath, 'must hold at least one face');
  }
  return items;
}

// SDK attributes arrive either bare or as {value: …} objects (formats.md §4a, [U] keys)
function faceAttributes(face: Rec): Record<string, unknown> | undefined {
  const read = (key: string): string | number | boolean | undefined => {
    const raw = isRecord(face[key]) ? face[key].value : face[key];
    if (typeof raw === 'number' || typeof raw === 'boolean') {
      return raw;
    }
    return typeof raw === 'string' && raw.toLowerCase() !== 'unknown' ? toLabel(raw) : undefined;
  };
  return nonEmpty({
    age: read('age'),
    ageGroup: read('ageGroup'),
    gender: read('sex') ?? read('gender'),
    glasses: read('eyeGlass') ?? read('glass'),
    mask: read('mask'),
    smile: read('smile'),
    hat: read('hat'),
  });
}

/** Smart events (fielddetection, linedetection, …) and the rest (VMD…): one per target. */
export function hikvisionRegions(context: HikContext): AdapterItem[] {
  const { fields } = context;
  const listPath = pointer(context.base, 'DetectionRegionList');
  const list = fields.optRecord(context.alert, 'DetectionRegionList', context.base) ?? {};
  const image = context.pickImage(context.jpegs, ['detectionPicture.jpg']);
  const items: AdapterItem[] = [];
  fields.optList(list, 'DetectionRegionEntry').forEach((entry, index) => {
    const at = pointer(pointer(listPath, 'DetectionRegionEntry'), index);
    if (!isRecord(entry)) {
      fields.fail(at, 'must be an object');
      return;
    }
    const target = fields.optText(entry, 'detectionTarget', at);
    const rect = fields.optRecord(entry, 'TargetRect', at);
    const box =
      rect === undefined
        ? undefined
        : unitRect(fields, rect, pointer(at, 'TargetRect'), ['X', 'Y', 'width', 'height']);
    const region = fields.optText(entry, 'regionID', at);
    const objectClass = target === undefined ? 'unknown' : (TARGET_CLASSES[target] ?? 'object');
    items.push(
      event(
        context,
        index,
        {
          objectClass,
          confidence: 0,
          zone: region === undefined ? undefined : `region-${region}`,
          boundingBox: box,
          snapshot:
            box === undefined
              ? undefined
              : {
                  boxes: [
                    {
                      ...box,
                      kind:
                        objectClass === 'person'
                          ? 'person'
                          : objectClass === 'vehicle'
                            ? 'vehicle'
                            : 'object',
                    },
                  ],
                },
        },
        image,
      ),
    );
  });
  // VMD and other alarms carry no target: still one event, the alarm itself
  return items.length > 0 || fields.failed
    ? items
    : [event(context, 0, { objectClass: 'unknown', confidence: 0 }, image)];
}

function unitRect(
  fields: Fields,
  rect: Rec,
  path: string,
  keys: readonly [string, string, string, string],
): BoundingBox | undefined {
  const [x, y, w, h] = keys.map((key) => fields.number(rect, key, path));
  if (x === undefined || y === undefined || w === undefined || h === undefined) {
    return undefined;
  }
  const outcome = boxFromCorners(x, y, x + w, y + h);
  return 'box' in outcome ? outcome.box : fields.fail(path, outcome.error);
}

function pixelRect(
  fields: Fields,
  rect: Rec,
  path: string,
  camera: CameraContext,
): BoundingBox | undefined {
  const [x, y, w, h] = ['X', 'Y', 'width', 'height'].map((key) => fields.number(rect, key, path));
  if (
    x === undefined ||
    y === undefined ||
    w === undefined ||
    h === undefined ||
    camera.frameSize === undefined
  ) {
    return undefined;
  }
  const outcome = boxFromPixels([x, y, x + w, y + h], camera.frameSize);
  return 'box' in outcome ? outcome.box : fields.fail(path, outcome.error);
}

function laneOf(line: string | undefined): string | undefined {
  return line === undefined ? undefined : `lane-${line}`;
}

function notZero(value: string | undefined): string | undefined {
  return value === '0' ? undefined : value;
}
