import type { JsonSchema } from './json-schema';

/**
 * Building blocks shared by the contract schemas. Patterns stay within the regex dialect that
 * every mainstream JSON Schema validator understands (no `\p{…}`), because producers validate
 * against the exported JSON files with their own tooling.
 */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export const PATTERNS = {
  id: '^[!-~]+$',
  token: '^[a-z0-9][a-z0-9._-]{0,63}$',
  label: '^[^\\u0000-\\u001f\\u007f]*$',
  base64: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$',
  extensionName: '^[a-z0-9]{1,20}$',
  attributeGroup: '^[A-Za-z0-9_-]{1,64}$',
  traceparent: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
  sha256Hex: '^[0-9a-f]{64}$',
  decimal: '^(?:0|[1-9][0-9]*)$',
  jsonPointer: '^(?:/(?:[^~/]|~[01])*)*$',
} as const;

/** English for each pattern, so a dead letter says what was expected rather than a regex. */
export const PATTERN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [PATTERNS.id]: 'must be visible ASCII characters only, without spaces',
  [PATTERNS.token]: 'must be a lowercase token of at most 64 characters from a-z, 0-9, ".", "_", "-"',
  [PATTERNS.label]: 'must not contain control characters',
  [PATTERNS.base64]: 'must be non-empty, padded base64 (RFC 4648 §4)',
  [PATTERNS.extensionName]: 'must be a CloudEvents attribute name: 1 to 20 characters from a-z, 0-9',
  [PATTERNS.attributeGroup]: 'must be 1 to 64 characters from A-Z, a-z, 0-9, "_", "-"',
  [PATTERNS.traceparent]: 'must be a W3C traceparent (version-traceid-parentid-flags)',
  [PATTERNS.sha256Hex]: 'must be 64 lowercase hexadecimal digits',
  [PATTERNS.decimal]: 'must be a non-negative decimal integer',
  [PATTERNS.jsonPointer]: 'must be a JSON Pointer (RFC 6901)',
};

/** Machine identifiers: they end up in Kafka keys, file names and logs. */
export const ID: JsonSchema = { type: 'string', maxLength: 128, pattern: PATTERNS.id };

/** Lowercase vocabulary terms that policies match on (analytic types, object classes, purposes). */
export const TOKEN: JsonSchema = { type: 'string', pattern: PATTERNS.token };

/** Human-readable text shown to operators. */
export const LABEL: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 256,
  pattern: PATTERNS.label,
};

export const DATE_TIME: JsonSchema = { type: 'string', format: 'date-time' };

/** A probability or a normalised coordinate. */
export const UNIT: JsonSchema = { type: 'number', minimum: 0, maximum: 1 };

export const BASE64: JsonSchema = { type: 'string', pattern: PATTERNS.base64 };

export const HUMAN_REVIEW: JsonSchema = { enum: ['none', 'required', 'two-person'] };

export const POLICY_REF: JsonSchema = {
  type: 'object',
  required: ['id', 'version', 'hash'],
  additionalProperties: false,
  properties: {
    id: ID,
    version: { ...LABEL, maxLength: 64 },
    hash: { type: 'string', pattern: PATTERNS.sha256Hex },
  },
};

/** A closed object: every listed property allowed, `required` ones mandatory, nothing else. */
export function closedObject(
  properties: Readonly<Record<string, JsonSchema>>,
  required: readonly string[] = [],
): JsonSchema {
  return required.length > 0
    ? { type: 'object', required, additionalProperties: false, properties }
    : { type: 'object', additionalProperties: false, properties };
}
