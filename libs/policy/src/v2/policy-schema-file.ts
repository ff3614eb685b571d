import { POLICY_V2_JSON_SCHEMA } from './policy-v2.schema';

/** The published policy schema, as `npm run schemas` writes it under libs/policy/schemas/. */
export const POLICY_SCHEMA_FILE = {
  fileName: 'policy-v2.schema.json',
  json: `${JSON.stringify(POLICY_V2_JSON_SCHEMA, null, 2)}\n`,
} as const;
