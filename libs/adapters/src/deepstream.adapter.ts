import {
  AdapterFormat,
  type AdapterInput,
  type AdapterItem,
  type AdapterOptions,
  type AdapterResult,
} from './adapter.types';
import {
  boxFromPixels,
  buildEvent,
  nonEmpty,
  parseTime,
  resolveCamera,
  toLabel,
  toToken,
  type CameraContext,
} from './canonical.util';
import { describeFull, geoOf } from './deepstream-full.util';
import { parseMinimalObject } from './deepstream-minimal.util';
import { Fields, isRecord, pointer, type Rec } from './fields.util';
import { decodeJson, schemaIssue } from './payload.util';

const KIND = 'deepstream';
const PLACE_SUBS = ['entrance', 'aisle', 'parkingSpot', 'place-sub-field'];
const NOT_A_CLASS: ReadonlySet<string> = new Set([
  'bbox',
  'location',
  'coordinate',
  'maskoutline',
  'signature',
  'embedding',
  'pose',
]);

/** DeepStream nvmsgconv JSON (formats.md §1): full schema (one object) or minimal (a frame). */
export function normaliseDeepStream(input: AdapterInput, options: AdapterOptions): AdapterResult {
  const decoded = decodeJson(input.payload);
  if (!decoded.ok) {
    return decoded;
  }
  if (!isRecord(decoded.value)) {
    return schemaIssue('payload must be a JSON object');
  }
  const message = decoded.value;
  return Array.isArray(message.objects) || message.sensorId !== undefined
    ? minimal(message, options)
    : full(message, options);
}

function full(message: Rec, options: AdapterOptions): AdapterResult {
  const fields = new Fields();
  const messageId = fields.optText(message, 'messageid', '');
  const timestamp = fields.text(message, '@timestamp', '');
  const sensor = fields.record(message, 'sensor', '');
  const object = fields.record(message, 'object', '');
  const place = fields.optRecord(message, 'place', '') ?? {};
  const event = fields.optRecord(message, 'event', '') ?? {};
  const module = fields.optRecord(message, 'analyticsModule', '') ?? {};
  const sensorId = sensor === undefined ? undefined : fields.text(sensor, 'id', '/sensor');
  const occurred = timeOf(fields, timestamp, '/@timestamp');
  const camera = cameraOf(
    fields,
    sensorId,
    '/sensor/id',
    options,
    fields.optText(place, 'id', '/place'),
  );
  if (fields.failed || !object || !camera || !occurred) {
    return { ok: false, issues: fields.issues };
  }
  const trackId = fields.optText(object, 'id', '/object');
  const classKey = Object.keys(object).find(
    (key) => !NOT_A_CLASS.has(key) && isRecord(object[key]),
  );
  const detail = classKey === undefined ? {} : (object[classKey] as Rec);
  const detailPath = classKey === undefined ? '/object' : pointer('/object', classKey);
  const confidence = fields.optNumber(detail, 'confidence', detailPath, { min: 0, max: 1 });
  const box = bboxOf(fields, fields.optRecord(object, 'bbox', '/object'), camera);
  const analyticType = toToken(fields.optText(event, 'type', '/event')) ?? 'object';
  const text = (key: string): string | undefined =>
    toLabel(fields.optText(detail, key, detailPath));
  const age = fields.optNumber(detail, 'age', detailPath, { min: 0, max: 150 });
  const { attributes, identifiers } = describeFull(classKey, text, age);
  if (classKey !== undefined && !['vehicle', 'person', 'face'].includes(classKey)) {
    // newapi: <label> {confidence, <classifier_type>: <result_label>…}
    const results = Object.keys(detail).filter(
      (key) => key !== 'confidence' && /^[A-Za-z0-9_-]{1,64}$/.test(key),
    );
    attributes.classifier = nonEmpty(Object.fromEntries(results.map((key) => [key, text(key)])));
  }
  if (fields.failed) {
    return { ok: false, issues: fields.issues };
  }
  const objectClass = toToken(classKey) ?? 'object';
  const zone = PLACE_SUBS.map((key) => (isRecord(place[key]) ? place[key].name : undefined)).find(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  );
  const videoPath = typeof message.videoPath === 'string' ? message.videoPath : '';
  const built = buildEvent({
    camera,
    zone,
    occurredAt: occurred.iso,
    analyticType,
    objectClass,
    confidence: confidence === undefined || confidence === 1 ? 0 : confidence,
    idParts: [
      KIND,
      camera.cameraId,
      messageId ?? fields.optText(event, 'id', '/event'),
      analyticType,
      trackId,
      timestamp,
    ],
    vendor: {
      kind: KIND,
      eventType: fields.optText(event, 'type', '/event') ?? 'object',
      model:
        [
          fields.optText(module, 'id', '/analyticsModule'),
          fields.optText(module, 'version', '/analyticsModule'),
        ]
          .filter((part) => part !== undefined)
          .join(' ') || undefined,
    },
    boundingBox: box,
    geo: geoOf(object.location) ?? geoOf(sensor?.location),
    attributes,
    identifiers,
    snapshot: /^[!-~]{1,2048}$/.test(videoPath) ? { ref: videoPath } : undefined,
    trackId,
  });
  return { ok: true, items: [withNotes(built, { confidence, box, camera, object })] };
}

function minimal(message: Rec, options: AdapterOptions): AdapterResult {
  const fields = new Fields();
  const frameId = fields.text(message, 'id', '');
  const timestamp = fields.text(message, '@timestamp', '');
  const sensorId = fields.text(message, 'sensorId', '');
  const occurred = timeOf(fields, timestamp, '/@timestamp');
  const camera = cameraOf(fields, sensorId, '/sensorId', options);
  if (!Array.isArray(message.objects)) {
    fields.fail('/objects', 'must be an array of strings');
  }
  const objects = Array.isArray(message.objects) ? (message.objects as unknown[]) : [];
  const parsed = objects.map((record, index) =>
    parseMinimalObject(record, `/objects/${index}`, fields),
  );
  if (fields.failed || !camera || !occurred) {
    return { ok: false, issues: fields.issues };
  }
  if (objects.length === 0) {
    return { ok: true, items: [], ignored: 'no-objects' };
  }
  const items: AdapterItem[] = [];
  parsed.forEach((object, index) => {
    if (object === undefined) {
      return;
    }
    const box =
      object.corners && camera.frameSize
        ? boxFromPixels(object.corners, camera.frameSize)
        : undefined;
    if (box !== undefined && 'error' in box) {
      fields.fail(`/objects/${index}`, box.error);
      return;
    }
    const built = buildEvent({
      camera,
      occurredAt: occurred.iso,
      analyticType: 'object',
      objectClass: object.objectClass,
      confidence:
        object.confidence === undefined || object.confidence === 1 ? 0 : object.confidence,
      idParts: [KIND, camera.cameraId, frameId, object.trackId, 'object', timestamp],
      vendor: { kind: KIND, eventType: 'minimal' },
      boundingBox: box?.box,
      attributes: object.attributes,
      identifiers: object.identifiers,
      trackId: object.trackId,
    });
    items.push(
      withNotes(built, { confidence: object.confidence, box: box?.box, camera, object: {} }),
    );
  });
  return fields.failed ? { ok: false, issues: fields.issues } : { ok: true, items };
}

function timeOf(
  fields: Fields,
  value: string | undefined,
  path: string,
): ReturnType<typeof parseTime> {
  if (value === undefined) {
    return undefined;
  }
  const time = parseTime(value);
  if (time === undefined) {
    fields.fail(path, 'must be an RFC 3339 date-time');
  }
  return time;
}

function cameraOf(
  fields: Fields,
  sensorId: string | undefined,
  path: string,
  options: AdapterOptions,
  placeId?: string,
): CameraContext | undefined {
  if (sensorId === undefined) {
    return undefined;
  }
  const camera = resolveCamera(AdapterFormat.DeepStream, { deviceId: sensorId }, options, placeId);
  return camera ?? fields.fail(path, 'does not lead to a valid camera id');
}

function bboxOf(fields: Fields, bbox: Rec | undefined, camera: CameraContext) {
  if (bbox === undefined) {
    return undefined;
  }
  const keys = ['topleftx', 'toplefty', 'bottomrightx', 'bottomrighty'];
  const [x1, y1, x2, y2] = keys.map((key) => fields.number(bbox, key, '/object/bbox'));
  if (
    x1 === undefined ||
    y1 === undefined ||
    x2 === undefined ||
    y2 === undefined ||
    !camera.frameSize
  ) {
    return undefined;
  }
  // an all-zero bbox is what nvmsgconv writes for an object without one
  if (x1 === 0 && y1 === 0 && x2 === 0 && y2 === 0) {
    return undefined;
  }
  const outcome = boxFromPixels([x1, y1, x2, y2], camera.frameSize);
  return 'box' in outcome ? outcome.box : fields.fail('/object/bbox', outcome.error);
}

function withNotes(
  event: AdapterItem['event'],
  seen: { confidence: number | undefined; box: unknown; camera: CameraContext; object: Rec },
): AdapterItem {
  const notes = [
    seen.confidence === undefined || seen.confidence === 1 ? 'confidence-unknown' : undefined,
    seen.camera.frameSize === undefined ? 'box-without-frame-size' : undefined,
    seen.object.signature !== undefined || seen.object.embedding !== undefined
      ? 'embedding-dropped'
      : undefined,
  ].filter((note): note is string => note !== undefined);
  return notes.length > 0 ? { event, notes } : { event };
}
