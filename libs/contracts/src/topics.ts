import type { AlertV1 } from './alert';
import type { AuthorisationRegisterV1 } from './authorisation-register';
import type { DeadLetterRecordV1 } from './dead-letter';
import type { DecisionRecordV1 } from './decision';
import type { DetectionEventV1 } from './detection-event';
import type { PolicyBundleV1 } from './policy-bundle';

/**
 * Every topic Tamiz reads or writes, declared once. Keys are logical, versioned names; the
 * physical name is `<prefix><name>` (prefix `tamiz.` by default) and the raw input topic can be
 * renamed in config. Topic strings never appear outside this file.
 */
export interface TopicSpec {
  name: string;
  partitions: number;
  cleanupPolicy: 'delete' | 'compact';
  retentionMs: number;
  /** Records are JSON; this bound is enforced by the broker too (max.message.bytes). */
  maxMessageBytes: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TOPIC_SPECS = {
  'detections.raw.v1': {
    name: 'detections.raw',
    partitions: 6,
    cleanupPolicy: 'delete',
    // metadata_ttl default (legal.md rule 6): 72 h for non-incident events
    retentionMs: 72 * HOUR,
    maxMessageBytes: 1_048_576,
  },
  'alerts.lawful.v1': {
    name: 'alerts.lawful',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY,
    maxMessageBytes: 1_048_576,
  },
  'decisions.v1': {
    name: 'decisions',
    partitions: 6,
    cleanupPolicy: 'delete',
    // audit_log_ttl (legal.md rule 20): at least 180 days
    retentionMs: 180 * DAY,
    maxMessageBytes: 1_048_576,
  },
  'detections.dlq.v1': {
    name: 'detections.dlq',
    partitions: 1,
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY,
    // a dead letter carries the original bytes in base64, so it may be a third larger
    maxMessageBytes: 2_097_152,
  },
  // where DeepStream's nvmsgbroker publishes (its `topic` setting); the ingress normalises it
  'detections.deepstream.v1': {
    name: 'detections.deepstream',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: 72 * HOUR,
    maxMessageBytes: 1_048_576,
  },
  'policies.v1': {
    name: 'policies',
    // one partition: every governor reads the whole (tiny) topic and agrees on its order
    partitions: 1,
    cleanupPolicy: 'compact',
    retentionMs: -1,
    maxMessageBytes: 1_048_576,
  },
} as const satisfies Record<string, TopicSpec>;

export type Topic = keyof typeof TOPIC_SPECS;

export interface TopicMap {
  'detections.raw.v1': DetectionEventV1;
  'alerts.lawful.v1': AlertV1;
  'decisions.v1': DecisionRecordV1;
  'detections.dlq.v1': DeadLetterRecordV1;
  /** Key `active`: the policy bundle; key `authorisations`: the register of authorisations. */
  'policies.v1': PolicyBundleV1 | AuthorisationRegisterV1;
  /** Vendor JSON (nvmsgconv full or minimal schema), read by the ingress only. */
  'detections.deepstream.v1': unknown;
}

export type PayloadOf<T extends Topic> = TopicMap[T];

export const DEFAULT_TOPIC_PREFIX = 'tamiz.';

export interface TopicNaming {
  prefix: string;
  /** Overrides the physical name of `detections.raw.v1` (cameras may already publish elsewhere). */
  rawTopic?: string;
}

/** Resolves logical topics to physical names: `topicName('alerts.lawful.v1', naming)`. */
export function topicName(topic: Topic, naming: TopicNaming): string {
  if (topic === 'detections.raw.v1' && naming.rawTopic) {
    return naming.rawTopic;
  }
  return `${naming.prefix}${TOPIC_SPECS[topic].name}`;
}
