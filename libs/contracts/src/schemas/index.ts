import { ALERT_JSON_SCHEMA } from './alert.schema';
import { AUTHORISATION_REGISTER_JSON_SCHEMA } from './authorisation-register.schema';
import { DEAD_LETTER_JSON_SCHEMA } from './dead-letter.schema';
import { DECISION_JSON_SCHEMA } from './decision.schema';
import { DETECTION_EVENT_JSON_SCHEMA } from './detection-event.schema';
import type { JsonSchema } from './json-schema';

export { ALERT_JSON_SCHEMA } from './alert.schema';
export { AUTHORISATION_REGISTER_JSON_SCHEMA } from './authorisation-register.schema';
export { DEAD_LETTER_JSON_SCHEMA } from './dead-letter.schema';
export { DECISION_JSON_SCHEMA } from './decision.schema';
export { DETECTION_DATA_JSON_SCHEMA, DETECTION_EVENT_JSON_SCHEMA } from './detection-event.schema';
export type { JsonSchema, JsonType } from './json-schema';

/** Every published schema, by the file name it is exported under (`<name>.schema.json`). */
export const CONTRACT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  detection: DETECTION_EVENT_JSON_SCHEMA,
  alert: ALERT_JSON_SCHEMA,
  decision: DECISION_JSON_SCHEMA,
  'dead-letter': DEAD_LETTER_JSON_SCHEMA,
  'authorisation-register': AUTHORISATION_REGISTER_JSON_SCHEMA,
};
