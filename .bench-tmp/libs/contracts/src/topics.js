"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_TOPIC_PREFIX = exports.TOPIC_SPECS = void 0;
exports.topicName = topicName;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
exports.TOPIC_SPECS = {
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
};
exports.DEFAULT_TOPIC_PREFIX = 'tamiz.';
/** Resolves logical topics to physical names: `topicName('alerts.lawful.v1', naming)`. */
function topicName(topic, naming) {
    if (topic === 'detections.raw.v1' && naming.rawTopic) {
        return naming.rawTopic;
    }
    return `${naming.prefix}${exports.TOPIC_SPECS[topic].name}`;
}
