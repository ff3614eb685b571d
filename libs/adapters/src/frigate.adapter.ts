import type { DetectionIdentifiers } from '@lib/contracts';
import {
  AdapterFormat,
  type AdapterInput,
  type AdapterItem,
  type AdapterOptions,
  type AdapterResult,
} from './adapter.types';
import {
  buildEvent,
  nonEmpty,
  parseTime,
  resolveCamera,
  toLabel,
  toToken,
  type CameraContext,
} from './canonical.util';
import { Fields, isRecord, type Rec } from './fields.util';
import { decodeJson, schemaIssue, unsupported } from './payload.util';
import { subjectRef } from './subject-ref.util';
import {
  pixelBox,
  plateFrom,
  readSubLabel,
  snapshotOf,
  VEHICLE_LABELS,
} from './frigate-fields.util';

const KIND = 'frigate';
const EVENT_TYPES: ReadonlySet<string> = new Set(['new', 'update', 'end']);
/** Frigate MQTT: `<prefix>/events` and `<prefix>/tracked_object_update` (formats.md §2). */
export function normaliseFrigate(input: AdapterInput, options: AdapterOptions): AdapterResult {
  const topic = input.channel.replace(/\/+$/, '');
  const isEvents = topic.endsWith('/events') || topic === 'events';
  const isUpdate = topic.endsWith('/tracked_object_update') || topic === 'tracked_object_update';
  if (!isEvents && !isUpdate) {
    return unsupported('MQTT topic is neither <prefix>/events nor <prefix>/tracked_object_update');
  }
  const decoded = decodeJson(input.payload);
  if (!decoded.ok) {
    return decoded;
  }
  if (!isRecord(decoded.value)) {
    return schemaIssue('payload must be a JSON object');
  }
  return isEvents
    ? frigateEvent(decoded.value, options)
    : frigateObjectUpdate(decoded.value, options);
}

function frigateEvent(message: Rec, options: AdapterOptions): AdapterResult {
  const fields = new Fields();
  const type = fields.text(message, 'type', '');
  if (type !== undefined && !EVENT_TYPES.has(type)) {
    fields.fail('/type', 'must be one of "new", "update", "end"');
  }
  const after = fields.record(message, 'after', '');
  if (after === undefined || type === undefined) {
    return { ok: false, issues: fields.issues };
  }
  const id = fields.text(after, 'id', '/after');
  const cameraName = fields.text(after, 'camera', '/after');
  const label = toToken(fields.text(after, 'label', '/after'));
  const frameTime = fields.number(after, 'frame_time', '/after', { min: 0 });
  const score =
    fields.optNumber(after, 'score', '/after', { min: 0, max: 1 }) ??
    fields.optNumber(after, 'top_score', '/after', { min: 0, max: 1 });
  const falsePositive = after.false_positive === true;
  const camera =
    cameraName === undefined ? undefined : cameraOf(cameraName, options, fields, '/after/camera');
  const box = pixelBox(fields, after.box, '/after/box', camera);
  const subLabel = readSubLabel(fields, after.sub_label);
  const plate = fields.optText(after, 'recognized_license_plate', '/after');
  const plateScore = fields.optNumber(after, 'recognized_license_plate_score', '/after', {
    min: 0,
    max: 1,
  });
  if (score === undefined && !fields.failed) {
    fields.fail('/after/score', 'is required (score or top_score)');
  }
  const occurred = frameTime === undefined ? undefined : parseTime(frameTime);
  if (frameTime !== undefined && occurred === undefined) {
    fields.fail('/after/frame_time', 'is not a representable time');
  }
  if (id !== undefined && label === undefined && !fields.failed) {
    fields.fail('/after/label', 'must be a class name');
  }
  if (fields.failed || !camera || !id || !label || !occurred || score === undefined) {
    return { ok: false, issues: fields.issues };
  }
  if (falsePositive) {
    return { ok: true, items: [], ignored: 'false-positive' };
  }
  const isPerson = label === 'person';
  const identifiers: DetectionIdentifiers = {
    plate: plateFrom(plate, plateScore),
    faceMatch:
      isPerson && subLabel !== undefined
        ? { subjectRef: subLabel.ref, similarity: subLabel.score }
        : undefined,
  };
  const zones = fields.optList(after, 'current_zones').filter((z) => typeof z === 'string');
  const event = buildEvent({
    camera,
    zone: zones[0],
    occurredAt: occurred.iso,
    analyticType: 'object',
    objectClass: label,
    confidence: score,
    idParts: [KIND, camera.cameraId, id, type, frameTime],
    vendor: { kind: KIND, eventType: `events/${type}` },
    boundingBox: box,
    attributes: {
      vehicle: VEHICLE_LABELS.has(label) ? { type: label } : undefined,
      classification: !isPerson && subLabel !== undefined ? { subLabel: subLabel.name } : undefined,
    },
    identifiers,
    snapshot: snapshotOf(after, id, box, label, camera),
    trackId: id,
  });
  return { ok: true, items: [item(event, after.box, camera)] };
}

function frigateObjectUpdate(message: Rec, options: AdapterOptions): AdapterResult {
  const fields = new Fields();
  const type = fields.text(message, 'type', '');
  const id = fields.text(message, 'id', '');
  if (type === undefined || id === undefined) {
    return { ok: false, issues: fields.issues };
  }
  if (!['face', 'lpr', 'classification', 'description'].includes(type)) {
    return unsupported(`tracked_object_update type "${toLabel(type, 32)}" is not mapped`, '/type');
  }
  const cameraName = fields.optText(message, 'camera', '');
  if (cameraName === undefined && type === 'description' && !fields.failed) {
    // description updates name only the tracked object (formats.md §2.2)
    return { ok: true, items: [], ignored: 'description-without-camera' };
  }
  const camera =
    cameraName === undefined ? undefined : cameraOf(cameraName, options, fields, '/camera');
  if (cameraName === undefined) {
    fields.fail('/camera', 'is required');
  }
  // description updates carry no timestamp; the id starts with the object's start time
  const timestamp =
    fields.optNumber(message, 'timestamp', '', { min: 0 }) ??
    (type === 'description' ? startTimeOf(id) : fields.number(message, 'timestamp', ''));
  const occurred = timestamp === undefined ? undefined : parseTime(timestamp);
  const score = fields.optNumber(message, 'score', '', { min: 0, max: 1 });
  const name = fields.optText(message, 'name', '');
  const box = pixelBox(fields, message.plate_box, '/plate_box', camera);
  let plate: string | undefined;
  if (type === 'lpr') {
    plate = fields.text(message, 'plate', '');
  }
  const description = type === 'description' ? fields.text(message, 'description', '') : undefined;
  if (fields.failed || !camera || !occurred) {
    if (!fields.failed) {
      fields.fail('/timestamp', 'is not a representable time');
    }
    return { ok: false, issues: fields.issues };
  }
  const analyticType = type === 'lpr' ? 'lpr' : type;
  const objectClass = type === 'face' ? 'face' : type === 'lpr' ? 'vehicle' : 'object';
  const classification =
    type === 'classification'
      ? nonEmpty({
          model: fields.optText(message, 'model', ''),
          subLabel: fields.optText(message, 'sub_label', ''),
          attribute: fields.optText(message, 'attribute', ''),
        })
      : undefined;
  const event = buildEvent({
    camera,
    occurredAt: occurred.iso,
    analyticType,
    objectClass,
    confidence: score ?? 0,
    idParts: [KIND, camera.cameraId, id, analyticType, timestamp],
    vendor: { kind: KIND, eventType: `tracked_object_update/${type}` },
    boundingBox: box,
    attributes: {
      classification,
      description: description === undefined ? undefined : { text: description.slice(0, 2000) },
      lpr: type === 'lpr' && name !== undefined ? { knownName: toLabel(name) } : undefined,
    },
    identifiers: {
      plate: type === 'lpr' ? plateFrom(plate, score) : undefined,
      faceMatch:
        type === 'face' && name !== undefined
          ? { subjectRef: subjectRef(name), similarity: score }
          : undefined,
    },
    snapshot:
      box === undefined
        ? undefined
        : { boxes: [{ ...box, kind: type === 'lpr' ? 'plate' : 'face' }] },
    trackId: id,
  });
  return { ok: true, items: [item(event, message.plate_box, camera)] };
}

function cameraOf(
  name: string,
  options: AdapterOptions,
  fields: Fields,
  path: string,
): CameraContext | undefined {
  const camera = resolveCamera(AdapterFormat.Frigate, { deviceId: name }, options);
  return camera ?? fields.fail(path, 'does not lead to a valid camera id');
}

function startTimeOf(id: string): number | undefined {
  const start = Number(id.split('-')[0]);
  return Number.isFinite(start) && start > 0 ? start : undefined;
}

// a pixel box needs the frame size, which Frigate does not send
function item(event: AdapterItem['event'], pixelBox: unknown, camera: CameraContext): AdapterItem {
  return Array.isArray(pixelBox) && camera.frameSize === undefined
    ? { event, notes: ['box-without-frame-size'] }
    : { event };
}
