import {
  ValidationIssueCode,
  type DeadLetterRecordV1,
  type IngressDeadLetterSource,
  type KafkaDeadLetterSource,
  type ValidationIssue,
} from '../dead-letter';
import { closedObject, DATE_TIME, PATTERNS, SCHEMA_DIALECT } from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

const SOURCE_PROPERTIES = {
  topic: { type: 'string', pattern: PATTERNS.kafkaTopic },
  partition: { type: 'integer', minimum: 0 },
  // int64 offsets exceed Number.MAX_SAFE_INTEGER, hence a decimal string
  offset: { type: 'string', maxLength: 20, pattern: PATTERNS.decimal },
  key: { type: ['string', 'null'], pattern: PATTERNS.base64OrEmpty },
  timestamp: { type: 'string', maxLength: 64 },
} satisfies PropertiesOf<KafkaDeadLetterSource>;

const INGRESS_SOURCE_PROPERTIES = {
  transport: { enum: ['mqtt', 'http'] },
  channel: { type: 'string', minLength: 1, maxLength: 1024 },
  format: { type: 'string', pattern: PATTERNS.token },
  contentType: { type: ['string', 'null'], maxLength: 255 },
} satisfies PropertiesOf<IngressDeadLetterSource>;

const ISSUE_PROPERTIES = {
  path: { type: 'string', pattern: PATTERNS.jsonPointer },
  code: { enum: Object.values(ValidationIssueCode) },
  message: { type: 'string', minLength: 1, maxLength: 1024 },
} satisfies PropertiesOf<ValidationIssue>;

const DEAD_LETTER_PROPERTIES = {
  schema: { const: 'tamiz.dead-letter.v1' },
  // ingress sources carry `transport`; Kafka positions do not
  source: {
    type: 'object',
    if: { type: 'object', properties: { transport: {} }, required: ['transport'] },
    then: closedObject(INGRESS_SOURCE_PROPERTIES, Object.keys(INGRESS_SOURCE_PROPERTIES)),
    else: closedObject(SOURCE_PROPERTIES, Object.keys(SOURCE_PROPERTIES)),
  },
  // an empty record value (e.g. a tombstone on the raw topic) is dead-lettered too
  originalBase64: { type: 'string', pattern: PATTERNS.base64OrEmpty },
  originalSize: { type: 'integer', minimum: 0 },
  errors: {
    type: 'array',
    minItems: 1,
    items: closedObject(ISSUE_PROPERTIES, Object.keys(ISSUE_PROPERTIES)),
  },
  receivedAt: DATE_TIME,
} satisfies PropertiesOf<DeadLetterRecordV1>;

export const DEAD_LETTER_JSON_SCHEMA: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  $id: 'urn:tamiz:schema:dead-letter:1.0',
  title: 'Tamiz dead-letter record, v1',
  ...closedObject(DEAD_LETTER_PROPERTIES, Object.keys(DEAD_LETTER_PROPERTIES)),
};
