import type { AdapterFormat, AdapterPart } from '@lib/adapters';
import type { DetectionEventV1, IngressDeadLetterSource, ValidationIssue } from '@lib/contracts';

/** One payload as a transport received it, before any reading. */
export interface IngressInput {
  /** The camera format to read it as; null when the transport could not tell (dead-lettered). */
  format: AdapterFormat | null;
  /** MQTT topic, HTTP path or Kafka topic it came on. */
  channel: string;
  payload: Buffer;
  contentType: string | null;
  /** Other parts of a multipart body (Hikvision JPEGs), by part or file name. */
  parts?: AdapterPart[];
}

export interface IngressItem {
  event: DetectionEventV1;
  image?: { bytes: Buffer; contentType: string };
}

export type NormaliseResult =
  { ok: true; items: IngressItem[] } | { ok: false; issues: ValidationIssue[] };

/** The ingress's view of the camera-format adapters. */
export interface IngressNormaliser {
  normalise(input: IngressInput): NormaliseResult;
}

/** Where images taken out of events go; returns the reference alerts may carry. */
export interface EvidenceSink {
  put(eventId: string, bytes: Buffer, contentType: string): Promise<string>;
}

export interface IngressOutcome {
  /** Canonical events published to the raw topic. */
  published: number;
  /** Repeated updates folded into an earlier event. */
  duplicates: number;
  /** Set when the payload was dead-lettered: every reason, with its path. */
  issues: ValidationIssue[] | null;
}

export type IngressSource = Omit<IngressDeadLetterSource, 'format' | 'contentType'>;
