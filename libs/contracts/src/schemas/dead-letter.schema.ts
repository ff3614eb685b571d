import { ValidationIssueCode, type DeadLetterRecordV1, type ValidationIssue } from '../dead-letter';
import { closedObject, DATE_TIME, PATTERNS, SCHEMA_DIALECT } from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

type KafkaSource = DeadLetterRecordV1['source'];

const SOURCE_PROPERTIES = {
  topic: { type: 'string', pattern: PATTERNS.kafkaTopic },
  partition: { type: 'integer', minimum: 0 },
  // int64 offsets exceed Number.MAX_SAFE_INTEGER, hence a decimal string
  offset: { type: 'string', maxLength: 20, pattern: PATTERNS.decimal },
  key: { type: ['string', 'null'], pattern: PATTERNS.base64OrEmpty },
  timestamp: { type: 'string', maxLength: 64 },
} satisfies PropertiesOf<KafkaSource>;

const ISSUE_PROPERTIES = {
  path: { type: 'string', pattern: PATTERNS.jsonPointer },
  code: { enum: Object.values(ValidationIssueCode) },
  message: { type: 'string', minLength: 1, maxLength: 1024 },
} satisfies PropertiesOf<ValidationIssue>;

const DEAD_LETTER_PROPERTIES = {
  schema: { const: 'tamiz.dead-letter.v1' },
  source: closedObject(SOURCE_PROPERTIES, Object.keys(SOURCE_PROPERTIES)),
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
