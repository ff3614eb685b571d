import type { DecisionRecordV1, Finding, Reason } from '../decision';
import {
  closedObject,
  DATE_TIME,
  HUMAN_REVIEW,
  ID,
  label,
  POLICY_REF,
  SCHEMA_DIALECT,
  TEXT,
  TOKEN,
} from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

const REASON_PROPERTIES = {
  code: ID,
  es: TEXT,
  en: TEXT,
  citation: label(512),
} satisfies PropertiesOf<Reason>;

/** A dotted field path as policies write it (`attributes.person.clothing`). */
const FIELD_PATH: JsonSchema = label(256);

type Transform = DecisionRecordV1['transforms'][number];

const TRANSFORM_PROPERTIES = {
  purpose: TOKEN,
  path: FIELD_PATH,
  transform: label(64),
} satisfies PropertiesOf<Transform>;

const FINDING_PROPERTIES = {
  code: TOKEN,
  path: FIELD_PATH,
  citation: label(512),
} satisfies PropertiesOf<Finding>;

const DECISION_PROPERTIES = {
  schema: { const: 'tamiz.decision.v1' },
  decisionId: ID,
  eventId: ID,
  cameraId: ID,
  occurredAt: DATE_TIME,
  analyticType: TOKEN,
  verdict: { enum: ['forward', 'suppress'] },
  purposes: { type: 'array', maxItems: 64, items: TOKEN },
  ruleIds: { type: 'array', maxItems: 256, items: ID },
  reasons: {
    type: 'array',
    maxItems: 256,
    items: closedObject(REASON_PROPERTIES, ['code', 'es', 'en']),
  },
  droppedPaths: { type: 'array', maxItems: 1024, items: FIELD_PATH },
  transforms: {
    type: 'array',
    maxItems: 1024,
    items: closedObject(TRANSFORM_PROPERTIES, Object.keys(TRANSFORM_PROPERTIES)),
  },
  policy: { ...POLICY_REF, type: ['object', 'null'] },
  humanReview: HUMAN_REVIEW,
  retentionClass: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
  findings: {
    type: 'array',
    maxItems: 256,
    items: closedObject(FINDING_PROPERTIES, Object.keys(FINDING_PROPERTIES)),
  },
} satisfies PropertiesOf<DecisionRecordV1>;

export const DECISION_JSON_SCHEMA: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  $id: 'urn:tamiz:schema:decision:1.0',
  title: 'Tamiz decision record, v1',
  ...closedObject(DECISION_PROPERTIES, Object.keys(DECISION_PROPERTIES)),
};
