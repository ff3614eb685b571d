import type { AuthorisationRegisterV1, RegisteredAuthorisationV1 } from '../authorisation-register';
import type { PolicyBundleSignature } from '../policy-bundle';
import { BASE64, closedObject, DATE_TIME, ID, label, SCHEMA_DIALECT } from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

// Purposes and watchlists as a DPO registered them: matched by equality, never interpreted.
const NAMES: JsonSchema = { type: 'array', minItems: 1, maxItems: 256, items: label(128) };

const SCOPE: JsonSchema = {
  ...closedObject({ watchlists: NAMES, cameras: { ...NAMES, items: ID } }),
  minProperties: 1,
};

const AUTHORISATION_PROPERTIES = {
  id: ID,
  purposes: { ...NAMES, maxItems: 32 },
  scope: SCOPE,
  validFrom: DATE_TIME,
  validUntil: DATE_TIME,
} satisfies PropertiesOf<RegisteredAuthorisationV1>;

const SIGNATURE_PROPERTIES = {
  alg: { const: 'Ed25519' },
  keyId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  value: BASE64,
} satisfies PropertiesOf<PolicyBundleSignature>;

const REGISTER_PROPERTIES = {
  schema: { const: 'tamiz.authorisation-register.v1' },
  sequence: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  // the whole register is one record of the policies topic (1 MiB at most)
  authorisations: {
    type: 'array',
    maxItems: 4096,
    items: closedObject(AUTHORISATION_PROPERTIES, Object.keys(AUTHORISATION_PROPERTIES)),
  },
  signature: closedObject(SIGNATURE_PROPERTIES, Object.keys(SIGNATURE_PROPERTIES)),
} satisfies PropertiesOf<AuthorisationRegisterV1>;

export const AUTHORISATION_REGISTER_JSON_SCHEMA: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  $id: 'urn:tamiz:schema:authorisation-register:1.0',
  title: 'Tamiz register of authorisations in force, v1',
  ...closedObject(REGISTER_PROPERTIES, Object.keys(REGISTER_PROPERTIES)),
};
