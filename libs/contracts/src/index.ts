export type { AlertV1 } from './alert';
export type { CameraRecord } from './camera';
export { ValidationIssueCode } from './dead-letter';
export type { DeadLetterRecordV1, ValidationIssue } from './dead-letter';
export type { DecisionRecordV1, PolicyRef, Reason, Verdict } from './decision';
export { DETECTION_DATA_SCHEMA, DETECTION_EVENT_TYPE } from './detection-event';
export type {
  BoundingBox,
  DetectionAttributes,
  DetectionData,
  DetectionEventV1,
  DetectionIdentifiers,
  GeoPoint,
  SnapshotInfo,
  VendorInfo,
} from './detection-event';
export { DEFAULT_TOPIC_PREFIX, TOPIC_SPECS, topicName } from './topics';
export type { PayloadOf, Topic, TopicMap, TopicNaming, TopicSpec } from './topics';
