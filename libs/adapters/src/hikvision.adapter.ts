import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ValidationIssueCode } from '@lib/contracts';
import {
  AdapterFormat,
  type AdapterInput,
  type AdapterItem,
  type AdapterOptions,
  type AdapterResult,
} from './adapter.types';
import { parseTime, resolveCamera, toToken, type CameraContext } from './canonical.util';
import { Fields, isRecord, pointer, type Rec } from './fields.util';
import {
  hikvisionAnpr,
  hikvisionFaces,
  hikvisionRegions,
  type HikContext,
} from './hikvision-targets';
import { jpegParts, pickImage } from './hikvision-parts.util';
import { decodeJson, decodeText, rejection, schemaIssue } from './payload.util';

const ROOT = 'EventNotificationAlert';

// Hikvision event types in the canonical vocabulary the policies use; others become tokens
const ANALYTIC_TYPES: Readonly<Record<string, string>> = {
  ANPR: 'lpr',
  faceCapture: 'face-capture',
  VMD: 'motion',
  fielddetection: 'intrusion',
  linedetection: 'line-crossing',
  regionEntrance: 'region-entrance',
  regionExiting: 'region-exit',
};

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

/**
 * Hikvision ISAPI EventNotificationAlert (formats.md §4a), XML or JSON, with the JPEG parts of
 * the multipart body; the pictures come back beside the events, never inside them.
 */
export function normaliseHikvision(input: AdapterInput, options: AdapterOptions): AdapterResult {
  const text = decodeText(input.payload);
  if (!text.ok) {
    return text;
  }
  const trimmed = text.value.trimStart();
  let alert: Rec;
  let base: string;
  if (trimmed.startsWith('<')) {
    const valid = XMLValidator.validate(trimmed);
    if (valid !== true) {
      return rejection(
        ValidationIssueCode.InvalidXml,
        `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
      );
    }
    let document: unknown;
    try {
      document = xmlParser.parse(trimmed);
    } catch (error) {
      // the validator lets some malformed declarations through that the parser refuses
      const message = error instanceof Error ? error.message.split('\n')[0] : 'unreadable XML';
      return rejection(ValidationIssueCode.InvalidXml, message.slice(0, 200));
    }
    if (!isRecord(document) || !isRecord(document[ROOT])) {
      return schemaIssue(`XML root must be ${ROOT}`);
    }
    alert = document[ROOT];
    base = `/${ROOT}`;
  } else {
    const json = decodeJson(input.payload);
    if (!json.ok) {
      return json;
    }
    if (!isRecord(json.value)) {
      return schemaIssue('payload must be a JSON object');
    }
    // some firmware wraps the JSON alert in its XML root name
    const wrapped = isRecord(json.value[ROOT]);
    alert = wrapped ? (json.value[ROOT] as Rec) : json.value;
    base = wrapped ? `/${ROOT}` : '';
  }
  return fromAlert(alert, base, input, options);
}

function fromAlert(
  alert: Rec,
  base: string,
  input: AdapterInput,
  options: AdapterOptions,
): AdapterResult {
  const fields = new Fields();
  const device =
    fields.optText(alert, 'macAddress', base) ??
    fields.optText(alert, 'deviceID', base) ??
    fields.optText(alert, 'ipAddress', base);
  const channelId = fields.number(alert, 'channelID', base, { min: 0 });
  const dateTime = fields.text(alert, 'dateTime', base);
  const eventType = fields.text(alert, 'eventType', base);
  const eventState = fields.optText(alert, 'eventState', base);
  const occurred = dateTime === undefined ? undefined : parseTime(dateTime);
  if (dateTime !== undefined && occurred === undefined) {
    fields.fail(pointer(base, 'dateTime'), 'must be an ISO 8601 date-time');
  }
  if (device === undefined) {
    fields.fail(pointer(base, 'macAddress'), 'is required (or deviceID, ipAddress)');
  }
  const jpegs = jpegParts(input.parts, fields);
  let camera: CameraContext | undefined;
  if (device !== undefined && channelId !== undefined) {
    const channel = String(Math.max(0, channelId - (options.hikvisionChannelOffset ?? 0)));
    camera = resolveCamera(AdapterFormat.Hikvision, { deviceId: device, channel }, options);
    if (camera === undefined) {
      fields.fail(pointer(base, 'macAddress'), 'does not lead to a valid camera id');
    }
  }
  if (fields.failed || !camera || !occurred || !eventType) {
    return { ok: false, issues: fields.issues };
  }
  if (eventState === 'inactive') {
    return { ok: true, items: [], ignored: 'inactive' };
  }
  const context: HikContext = {
    fields,
    alert,
    base,
    camera,
    occurredAt: occurred.iso,
    eventType,
    analyticType: ANALYTIC_TYPES[eventType] ?? toToken(eventType) ?? 'unknown',
    uuid: fields.optText(alert, 'UUID', base),
    postCount: fields.optText(alert, 'activePostCount', base),
    dateTime: dateTime ?? '',
    jpegs,
    pickImage,
  };
  const items = targetsOf(context);
  if (fields.failed) {
    return { ok: false, issues: fields.issues };
  }
  return {
    ok: true,
    items: occurred.zoneless ? items.map((i) => withNote(i, 'time-without-zone')) : items,
  };
}

function targetsOf(context: HikContext): AdapterItem[] {
  const { alert, eventType } = context;
  if (isRecord(alert.ANPR)) {
    return hikvisionAnpr(context);
  }
  if (alert.faceCapture !== undefined || eventType === 'faceCapture') {
    return hikvisionFaces(context);
  }
  return hikvisionRegions(context);
}

function withNote(item: AdapterItem, note: string): AdapterItem {
  return { ...item, notes: [...(item.notes ?? []), note] };
}
