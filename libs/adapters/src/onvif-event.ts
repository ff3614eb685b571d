import type { AdapterItem } from './adapter.types';
import { buildEvent, nonEmpty, parseTime, toToken, type CameraContext } from './canonical.util';
import { type Fields, type Rec } from './fields.util';
import { kindOf } from './onvif-scene';
import {
  inlineJpeg,
  likely,
  objectIdOf,
  ONVIF_CLASSES,
  IDENTITY,
  onvifBox,
  plateOf,
  uriRef,
  vehicleOf,
} from './onvif-shared.util';
import { subjectRef } from './subject-ref.util';

const KIND = 'onvif';

// Rule topics (formats.md §3.2) in the canonical vocabulary; others become tokens
const ANALYTIC_TYPES: Readonly<Record<string, string>> = {
  'RuleEngine/LineDetector/Crossed': 'line-crossing',
  'RuleEngine/FieldDetector/ObjectsInside': 'intrusion',
  'RuleEngine/LoiteringDetector/ObjectIsLoitering': 'loitering',
  'RuleEngine/ObjectDetection/Object': 'object',
  'RuleEngine/CountAggregation/Counter': 'counting',
  'RuleEngine/ObjectAbandoned': 'abandoned-object',
  'RuleEngine/MotionRegionDetector/Motion': 'motion',
  'RuleEngine/Recognition/Face': 'face-match',
  'RuleEngine/Recognition/LicensePlate': 'lpr',
};

// property events whose falling edge is not a detection
const STATE_KEYS: Readonly<Record<string, string>> = {
  'RuleEngine/FieldDetector/ObjectsInside': 'IsInside',
  'RuleEngine/MotionRegionDetector/Motion': 'State',
  'RuleEngine/LoiteringDetector/ObjectIsLoitering': 'IsLoitering',
};

export interface EventContext {
  fields: Fields;
  camera: CameraContext;
  eventTopic: string;
  sourceValues: string[];
}

/** `onvif-ej` rule event: `{UtcTime, Source{…}, Data{…}}`, one event. */
export function ruleEventItems(
  message: Rec,
  context: EventContext,
): { items: AdapterItem[]; ignored?: string } {
  const { fields, camera, eventTopic } = context;
  const utc = fields.text(message, 'UtcTime', '');
  const time = utc === undefined ? undefined : parseTime(utc);
  if (utc !== undefined && time === undefined) {
    fields.fail('/UtcTime', 'must be an ISO 8601 date-time');
  }
  const data = fields.optRecord(message, 'Data', '') ?? {};
  const likelihood = fields.optNumber(data, 'Likelihood', '/Data', { min: 0, max: 1 });
  const box = onvifBox(data.BoundingBox, fields, '/Data/BoundingBox', IDENTITY);
  if (fields.failed || time === undefined) {
    return { items: [] };
  }
  const stateKey = STATE_KEYS[eventTopic];
  const state = stateKey === undefined ? undefined : data[stateKey];
  if (state === false || state === 'false') {
    return { items: [], ignored: 'state-false' };
  }
  const isFace = eventTopic.endsWith('Recognition/Face');
  const isPlate = eventTopic.endsWith('Recognition/LicensePlate');
  const classTypes = likely(data.ClassTypes).text?.split(/\s+/)[0];
  const objectClass = isFace
    ? 'face'
    : isPlate
      ? 'vehicle'
      : ((classTypes && (ONVIF_CLASSES[classTypes] ?? toToken(classTypes))) ?? 'object');
  const analyticType =
    ANALYTIC_TYPES[eventTopic] ?? toToken(eventTopic.replace(/\//g, '-')) ?? 'onvif-event';
  const objectId = objectIdOf(data.ObjectId);
  const enrollment = likely(data.EnrollmentID).text;
  const watchlist = likely(data.Label).text;
  const event = buildEvent({
    camera,
    zone: likely(isRecordLike(message.Source) ? message.Source.Rule : undefined).text,
    occurredAt: time.iso,
    analyticType,
    objectClass,
    confidence: likelihood ?? 0,
    idParts: [KIND, camera.cameraId, eventTopic, utc, objectId, context.sourceValues.join('/')],
    vendor: { kind: KIND, eventType: eventTopic },
    boundingBox: box,
    attributes: { vehicle: isPlate ? vehicleOf(data.VehicleInfo) : undefined },
    identifiers: {
      plate: isPlate ? plateOf(data.LicensePlateInfo) : undefined,
      faceMatch:
        isFace && enrollment !== undefined
          ? nonEmpty({ subjectRef: subjectRef(enrollment), watchlist, similarity: likelihood })
          : undefined,
    },
    snapshot: nonEmpty({
      ref: uriRef(data.ImageUri) ?? uriRef(data.ImageURI),
      boxes:
        box === undefined ? undefined : [{ ...box, kind: isPlate ? 'plate' : kindOf(objectClass) }],
    }),
    trackId: objectId,
  });
  const notes = [
    ...(time.zoneless ? ['time-without-zone'] : []),
    ...(likelihood === undefined ? ['confidence-unknown'] : []),
  ];
  const image = inlineJpeg(data.Image);
  return {
    items: [nonEmpty({ event, image, notes: notes.length > 0 ? notes : undefined }) as AdapterItem],
  };
}

function isRecordLike(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
