export type { AlertV1 } from './alert';
export { AUTHORISATION_REGISTER_KEY, AUTHORISATION_REGISTER_TYPE } from './authorisation-register';
export type {
  AuthorisationRegisterV1,
  RegisteredAuthorisationV1,
  UnsignedAuthorisationRegisterV1,
} from './authorisation-register';
export type { CameraRecord } from './camera';
export { ValidationIssueCode } from './dead-letter';
export type {
  DeadLetterRecordV1,
  IngressDeadLetterSource,
  KafkaDeadLetterSource,
  ValidationIssue,
} from './dead-letter';
export type { DecisionRecordV1, Finding, PolicyRef, Reason, Verdict } from './decision';
export { POLICY_BUNDLE_KEY, POLICY_BUNDLE_TYPE } from './policy-bundle';
export type {
  PolicyBundleSignature,
  PolicyBundleV1,
  UnsignedPolicyBundleV1,
} from './policy-bundle';
export { DETECTION_DATA_SCHEMA, DETECTION_EVENT_TYPE } from './detection-event';
export type {
  BoundingBox,
  ClothingItem,
  DetectionAttributes,
  DetectionData,
  DetectionEventV1,
  DetectionIdentifiers,
  GeoPoint,
  PersonAttributes,
  SnapshotInfo,
  VehicleAttributes,
  VendorInfo,
} from './detection-event';
export { CANONICAL_FIELD_PATHS, isKnownFieldPath } from './field-paths';
export { parseDetection } from './parse-detection';
export type { ParseDetectionOptions, ParseResult } from './parse-detection';
export {
  ALERT_JSON_SCHEMA,
  AUTHORISATION_REGISTER_JSON_SCHEMA,
  CONTRACT_SCHEMAS,
  DEAD_LETTER_JSON_SCHEMA,
  DECISION_JSON_SCHEMA,
  DETECTION_DATA_JSON_SCHEMA,
  DETECTION_EVENT_JSON_SCHEMA,
} from './schemas';
export type { JsonSchema, JsonType } from './schemas';
export { DEFAULT_TOPIC_PREFIX, TOPIC_SPECS, topicName } from './topics';
export type { PayloadOf, Topic, TopicMap, TopicNaming, TopicSpec } from './topics';
export {
  validateAlert,
  validateAuthorisationRegister,
  validateDeadLetter,
  validateDecision,
  validateDetectionEvent,
} from './validators';
