import { createHash } from 'node:crypto';
import {
  DETECTION_DATA_SCHEMA,
  DETECTION_EVENT_TYPE,
  type BoundingBox,
  type DetectionAttributes,
  type DetectionEventV1,
  type DetectionIdentifiers,
  type GeoPoint,
  type SnapshotInfo,
} from '@lib/contracts';
import type { AdapterFormat, AdapterOptions, CameraRef, FrameSize } from './adapter.types';

const ID_SHAPE = /^[!-~]{1,128}$/;
const TOKEN_SHAPE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
// Leading date, time and an optional fraction and zone: the zone is checked apart, since ONVIF
// UtcTime may lack it (formats.md §6).
const TIME_SHAPE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Deterministic event id: a UUID (version 8, RFC 9562 custom) from SHA-256 of the parts that
 * identify the vendor event, so that a redelivered message maps to the same id.
 */
export function deterministicId(parts: ReadonlyArray<string | number | undefined>): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(parts.map((part) => part ?? null)))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ParsedTime {
  iso: string;
  /** The vendor gave no zone; the time was read as UTC. */
  zoneless: boolean;
}

/** RFC 3339-like text or epoch seconds, to a canonical UTC time with milliseconds. */
export function parseTime(value: string | number): ParsedTime | undefined {
  if (typeof value === 'number') {
    const ms = value * 1000;
    return Number.isFinite(ms) && Math.abs(ms) < 8.64e15
      ? { iso: new Date(Math.round(ms)).toISOString(), zoneless: false }
      : undefined;
  }
  const match = TIME_SHAPE.exec(value.trim());
  if (match === null) {
    return undefined;
  }
  const zone = match[3] === undefined ? 'Z' : normaliseZone(match[3]);
  const ms = Date.parse(`${match[1]}T${match[2].slice(0, 12)}${zone}`);
  if (!Number.isFinite(ms) || !sameCalendarDay(match[1], ms, zone)) {
    return undefined;
  }
  return { iso: new Date(ms).toISOString(), zoneless: match[3] === undefined };
}

function normaliseZone(zone: string): string {
  const upper = zone.toUpperCase();
  return upper === 'Z' || upper.includes(':') ? upper : `${upper.slice(0, 3)}:${upper.slice(3)}`;
}

// Date.parse rolls 2025-02-30 over to March; such dates are malformed, not shifted
function sameCalendarDay(date: string, ms: number, zone: string): boolean {
  const offsetMin =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10) === date;
}

/** A vendor word as a policy token (`Person` → `person`, `License Plate` → `license-plate`). */
export function toToken(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const token = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return TOKEN_SHAPE.test(token) ? token : undefined;
}

/** Operator-readable text: control characters dropped, cut to `max`; empty reads as absent. */
export function toLabel(value: string | undefined, max = 256): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const text = [...stripControls(value).trim()].slice(0, max).join('');
  return text === '' ? undefined : text;
}

/** A machine id (visible ASCII, 1..128) or undefined. */
export function toId(value: string | undefined): string | undefined {
  return value !== undefined && ID_SHAPE.test(value) ? value : undefined;
}

export type BoxOutcome = { box: BoundingBox } | { error: string };

/**
 * A box from its normalised top-left corners. Slight overshoot (a box touching the frame edge)
 * is clamped; an inverted or empty box, or one wholly outside the frame, is an error.
 */
export function boxFromCorners(x1: number, y1: number, x2: number, y2: number): BoxOutcome {
  if (![x1, y1, x2, y2].every(Number.isFinite)) {
    return { error: 'box coordinates must be finite numbers' };
  }
  if (x2 <= x1 || y2 <= y1) {
    return { error: 'box is empty or inverted' };
  }
  const left = clampUnit(x1);
  const top = clampUnit(y1);
  const right = clampUnit(x2);
  const bottom = clampUnit(y2);
  if (right <= left || bottom <= top) {
    return { error: 'box lies outside the frame' };
  }
  return {
    box: {
      x: round6(left),
      y: round6(top),
      w: round6(right - left),
      h: round6(bottom - top),
      space: 'norm-tl',
    },
  };
}

/** Pixel corners ÷ frame size. */
export function boxFromPixels(
  corners: readonly [number, number, number, number],
  frame: FrameSize,
): BoxOutcome {
  const [x1, y1, x2, y2] = corners;
  return boxFromCorners(x1 / frame.width, y1 / frame.height, x2 / frame.width, y2 / frame.height);
}

export function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface CameraContext {
  cameraId: string;
  siteId?: string;
  zone?: string;
  frameSize?: FrameSize;
}

/**
 * Resolves the vendor camera; undefined if the id it leads to is not a valid camera id. The site
 * is the resolver's, else the one the vendor names, else the configured one.
 */
export function resolveCamera(
  format: AdapterFormat,
  ref: Omit<CameraRef, 'format'>,
  options: AdapterOptions,
  vendorSiteId?: string,
): CameraContext | undefined {
  const fullRef: CameraRef = { format, ...ref };
  const resolved = options.resolveCamera?.(fullRef);
  const fallback = ref.channel === undefined ? ref.deviceId : `${ref.deviceId}:${ref.channel}`;
  const cameraId = toId(resolved?.cameraId ?? fallback);
  if (cameraId === undefined) {
    return undefined;
  }
  return {
    cameraId,
    siteId: toId(resolved?.siteId ?? vendorSiteId ?? options.siteId),
    zone: toLabel(resolved?.zone ?? options.defaultZone, 128),
    frameSize: validFrame(resolved?.frameSize) ?? validFrame(options.frameSize),
  };
}

function validFrame(frame: FrameSize | undefined): FrameSize | undefined {
  return frame !== undefined && frame.width > 0 && frame.height > 0 ? frame : undefined;
}

export interface EventDraft {
  camera: CameraContext;
  /** Vendor zone; wins over the camera's default zone. */
  zone?: string;
  occurredAt: string;
  analyticType: string;
  objectClass: string;
  confidence: number;
  idParts: ReadonlyArray<string | number | undefined>;
  vendor: { kind: string; eventType?: string; model?: string };
  boundingBox?: BoundingBox;
  geo?: GeoPoint;
  attributes?: DetectionAttributes;
  identifiers?: DetectionIdentifiers;
  snapshot?: SnapshotInfo;
  trackId?: string;
}

/** The canonical envelope and data, with empty optional groups left out. */
export function buildEvent(draft: EventDraft): DetectionEventV1 {
  const { camera } = draft;
  const eventId = deterministicId(draft.idParts);
  const siteId = camera.siteId;
  const source =
    siteId === undefined
      ? `urn:camera:${encodeURIComponent(camera.cameraId)}`
      : `urn:site:${encodeURIComponent(siteId)}:camera:${encodeURIComponent(camera.cameraId)}`;
  const vendor = {
    kind: draft.vendor.kind,
    eventType: toLabel(draft.vendor.eventType, 128),
    model: toLabel(draft.vendor.model, 128),
  };
  return {
    specversion: '1.0',
    id: eventId,
    source,
    type: DETECTION_EVENT_TYPE,
    time: draft.occurredAt,
    subject: `camera/${camera.cameraId}`,
    datacontenttype: 'application/json',
    dataschema: DETECTION_DATA_SCHEMA,
    partitionkey: camera.cameraId,
    data: compact({
      eventId,
      occurredAt: draft.occurredAt,
      cameraId: camera.cameraId,
      siteId,
      zone: toLabel(draft.zone, 128) ?? camera.zone,
      geo: draft.geo,
      analyticType: draft.analyticType,
      objectClass: draft.objectClass,
      confidence: Math.round(clampUnit(draft.confidence) * 1e4) / 1e4,
      boundingBox: draft.boundingBox,
      attributes: nonEmpty(draft.attributes),
      identifiers: nonEmpty(draft.identifiers),
      snapshot: nonEmpty(draft.snapshot),
      trackId: toId(draft.trackId),
      vendor: compact(vendor),
    }),
  };
}

/** Drops undefined members (JSON would drop them too; golden files compare with toEqual). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}

export function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  const kept = compact(value);
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function stripControls(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code > 0x1f && code !== 0x7f) {
      out += char;
    }
  }
  return out;
}
