import type { DetectionEventV1, ValidationIssue } from '@lib/contracts';

/** The camera formats `normalise` understands (shared/domain/formats.md §1–4a). */
export enum AdapterFormat {
  /** NVIDIA DeepStream nvmsgconv JSON, full and minimal schemas; channel = Kafka topic. */
  DeepStream = 'deepstream',
  /** Frigate `<prefix>/events` and `<prefix>/tracked_object_update`; channel = MQTT topic. */
  Frigate = 'frigate',
  /** ONVIF `onvif-mj` scene descriptions and `onvif-ej` events; channel = MQTT topic. */
  Onvif = 'onvif',
  /** Hikvision ISAPI EventNotificationAlert, XML or JSON; channel = HTTP path. */
  Hikvision = 'hikvision',
}

export const ADAPTER_FORMATS: readonly AdapterFormat[] = Object.values(AdapterFormat);

/** One part of a multipart body besides the alert itself (Hikvision JPEGs). */
export interface AdapterPart {
  /** The form field name. */
  name?: string;
  /** The file name given in Content-Disposition; ANPR alerts name their pictures by it. */
  filename?: string;
  contentType: string;
  bytes: Buffer;
}

export interface AdapterInput {
  /** Where the payload came from: Kafka topic, MQTT topic or HTTP path. */
  channel: string;
  /** The original bytes, exactly as received. */
  payload: Buffer;
  parts?: readonly AdapterPart[];
}

/** What the vendor says about the camera; `resolveCamera` turns it into Tamiz's camera. */
export interface CameraRef {
  format: AdapterFormat;
  /** The vendor's camera or device id (sensor id, Frigate camera, MAC, topic prefix). */
  deviceId: string;
  /** Channel, video source or profile within the device, when the format has one. */
  channel?: string;
}

export interface ResolvedCamera {
  cameraId: string;
  siteId?: string;
  zone?: string;
  /** Pixel size of the frames whose coordinates the vendor reports. */
  frameSize?: FrameSize;
}

export interface FrameSize {
  width: number;
  height: number;
}

export interface AdapterOptions {
  /** Site of every camera not resolved otherwise. */
  siteId?: string;
  /** Zone used when neither the vendor nor the resolver names one. */
  defaultZone?: string;
  /** Frame size for pixel coordinates when the resolver gives none; without it, no pixel box. */
  frameSize?: FrameSize;
  /** Maps vendor camera references to Tamiz cameras; undefined keeps the default id. */
  resolveCamera?: (ref: CameraRef) => ResolvedCamera | undefined;
  /** Larger payloads are rejected before parsing; default 1 MiB. */
  maxBytes?: number;
  /** Channel ids subtracted from Hikvision channelID (NVRs number IP cameras from 33). */
  hikvisionChannelOffset?: number;
}

export interface AdapterImage {
  bytes: Buffer;
  contentType: 'image/jpeg';
}

export interface AdapterItem {
  event: DetectionEventV1;
  /** Inline image taken out of the input, for the evidence store; never inside `event`. */
  image?: AdapterImage;
  /** Facts about the mapping the ingress may count (e.g. `time-without-zone`). */
  notes?: string[];
}

export type AdapterResult =
  | {
      ok: true;
      items: AdapterItem[];
      /** Why a well-formed input yields no event (e.g. an `inactive` Hikvision alert). */
      ignored?: string;
    }
  | { ok: false; issues: ValidationIssue[] };
