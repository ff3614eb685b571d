import type { AlertV1 } from '../alert';
import { DETECTION_DATA_JSON_SCHEMA } from './detection-event.schema';
import {
  closedObject,
  HUMAN_REVIEW,
  ID,
  LABEL,
  POLICY_REF,
  SCHEMA_DIALECT,
  TOKEN,
} from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

/**
 * A purpose may keep any path, at any depth (`identifiers.plate.country` without `.value`), so a
 * minimised copy of the detection satisfies the detection schema with every `required` removed.
 */
function withoutRequired(schema: JsonSchema): JsonSchema {
  const { properties, additionalProperties, items } = schema;
  const result: JsonSchema = { ...schema };
  delete result.required;
  if (properties) {
    result.properties = Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [key, withoutRequired(value)]),
    );
  }
  if (additionalProperties !== undefined) {
    result.additionalProperties =
      typeof additionalProperties === 'boolean'
        ? additionalProperties
        : withoutRequired(additionalProperties);
  }
  if (items) {
    result.items = withoutRequired(items);
  }
  return result;
}

/**
 * Transforms keep a field's JSON type, with one exception the policy validator allows: an age may
 * leave as the label of its band (`30-39`, `[18,65)`) rather than as a number.
 */
function withAgeBands(data: JsonSchema): JsonSchema {
  const attributes = data.properties?.attributes;
  const person = attributes?.properties?.person;
  const age = person?.properties?.age;
  if (!attributes || !person || !age) {
    throw new Error('alert schema: the detection schema no longer has attributes.person.age');
  }
  const banded: JsonSchema = { ...age, type: ['integer', 'string'], minLength: 1, maxLength: 32 };
  return {
    ...data,
    properties: {
      ...data.properties,
      attributes: {
        ...attributes,
        properties: {
          ...attributes.properties,
          person: { ...person, properties: { ...person.properties, age: banded } },
        },
      },
    },
  };
}

const ALERT_PROPERTIES = {
  schema: { const: 'tamiz.alert.v1' },
  alertId: ID,
  eventId: ID,
  purpose: TOKEN,
  title: closedObject({ es: LABEL, en: LABEL }, ['es', 'en']),
  priority: { enum: ['low', 'medium', 'high', 'critical'] },
  recipients: { type: 'array', maxItems: 64, items: LABEL },
  humanReview: HUMAN_REVIEW,
  label: { const: 'recommendation' },
  policy: POLICY_REF,
  redaction: closedObject(
    {
      regions: {
        type: 'array',
        minItems: 1,
        maxItems: 3,
        items: { enum: ['face', 'plate', 'person'] },
      },
    },
    ['regions'],
  ),
  data: withAgeBands(withoutRequired(DETECTION_DATA_JSON_SCHEMA)),
} satisfies PropertiesOf<AlertV1>;

// every member but the optional redaction instruction
const ALERT_REQUIRED = Object.keys(ALERT_PROPERTIES).filter((key) => key !== 'redaction');

export const ALERT_JSON_SCHEMA: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  $id: 'urn:tamiz:schema:alert:1.0',
  title: 'Tamiz lawful alert, v1',
  ...closedObject(ALERT_PROPERTIES, ALERT_REQUIRED),
};
