/**
 * The canonical detection event, version 1: a CloudEvents 1.0 structured-mode envelope whose
 * `data` is the vendor-neutral detection. Adapters map camera formats onto it
 * (shared/domain/formats.md §5–6); the governor accepts nothing else on the raw topic.
 */
export const DETECTION_EVENT_TYPE = 'pe.tamiz.detection.v1';
export const DETECTION_DATA_SCHEMA = 'urn:tamiz:schema:detection:1.0';

export interface DetectionEventV1 {
  specversion: '1.0';
  /** Unique with `source`; equal to `data.eventId`. */
  id: string;
  /** `urn:site:<siteId>:camera:<cameraId>` */
  source: string;
  type: typeof DETECTION_EVENT_TYPE;
  /** RFC 3339 time of occurrence; equal to `data.occurredAt`. */
  time: string;
  subject?: string;
  datacontenttype?: 'application/json';
  dataschema?: string;
  dataclassification?: 'public' | 'internal' | 'confidential' | 'restricted';
  partitionkey?: string;
  traceparent?: string;
  data: DetectionData;
}

export interface DetectionData {
  eventId: string;
  occurredAt: string;
  cameraId: string;
  siteId?: string;
  zone?: string;
  geo?: GeoPoint;
  analyticType: string;
  objectClass: string;
  /** 0..1 */
  confidence: number;
  boundingBox?: BoundingBox;
  attributes?: DetectionAttributes;
  identifiers?: DetectionIdentifiers;
  snapshot?: SnapshotInfo;
  trackId?: string;
  vendor?: VendorInfo;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Normalised, origin top-left, every value in 0..1. */
export interface BoundingBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Optional marker of the coordinate space; the only one allowed is normalised, top-left. */
  space?: 'norm-tl';
}

export interface DetectionAttributes {
  person?: PersonAttributes;
  vehicle?: VehicleAttributes;
  face?: Record<string, unknown>;
  /** Vendors add their own attribute groups; policies decide, by path, what survives. */
  [group: string]: Record<string, unknown> | undefined;
}

export interface PersonAttributes {
  age?: number;
  ageBand?: string;
  gender?: string;
  clothing?: { upper?: ClothingItem; lower?: ClothingItem; hat?: boolean };
  carrying?: string[];
  [key: string]: unknown;
}

export interface ClothingItem {
  type?: string;
  color?: string;
}

export interface VehicleAttributes {
  type?: string;
  make?: string;
  model?: string;
  color?: string;
  [key: string]: unknown;
}

export interface DetectionIdentifiers {
  plate?: { value: string; country?: string; confidence?: number } | null;
  faceMatch?: { subjectRef: string; watchlist?: string; similarity?: number } | null;
}

export interface SnapshotInfo {
  ref?: string;
  image?: { contentType: 'image/jpeg' | 'image/png'; dataBase64: string };
  boxes?: Array<BoundingBox & { kind?: 'face' | 'plate' | 'person' | 'vehicle' | 'object' }>;
}

export interface VendorInfo {
  kind: string;
  eventType?: string;
  model?: string;
}
