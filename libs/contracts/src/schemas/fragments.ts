import type { JsonSchema } from './json-schema';

/**
 * Building blocks shared by the contract schemas. Patterns stay within the regex dialect that
 * every mainstream JSON Schema validator understands (no `\p{…}`), because producers validate
 * against the exported JSON files with their own tooling.
 */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const descriptions = new Map<string, string>();

// Each pattern is registered with the English a dead letter shows instead of the regex.
function described(pattern: string, description: string): string {
  descriptions.set(pattern, description);
  return pattern;
}

/** What a pattern used in the contract schemas requires, in plain English. */
export function describePattern(pattern: string): string | undefined {
  return descriptions.get(pattern);
}

// Lengths are bounded inside the patterns where possible: one regex is cheaper than a regex plus
// Ajv's code-point count for maxLength, and these run on every event.
export const PATTERNS = {
  id: described('^[!-~]{1,128}$', 'must be 1 to 128 visible ASCII characters, without spaces'),
  token: described(
    '^[a-z0-9][a-z0-9._-]{0,63}$',
    'must be a lowercase token of at most 64 characters from a-z, 0-9, ".", "_", "-"',
  ),
  base64: described(
    '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$',
    'must be non-empty, padded base64 (RFC 4648 §4)',
  ),
  base64OrEmpty: described(
    '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
    'must be padded base64 (RFC 4648 §4)',
  ),
  kafkaTopic: described(
    '^[A-Za-z0-9._-]{1,249}$',
    'must be a Kafka topic name: 1 to 249 characters from A-Z, a-z, 0-9, ".", "_", "-"',
  ),
  extensionName: described(
    '^[a-z0-9]{1,20}$',
    'must be a CloudEvents attribute name: 1 to 20 characters from a-z, 0-9',
  ),
  attributeGroup: described(
    '^[A-Za-z0-9_-]{1,64}$',
    'must be 1 to 64 characters from A-Z, a-z, 0-9, "_", "-"',
  ),
  traceparent: described(
    '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
    'must be a W3C traceparent (version-traceid-parentid-flags)',
  ),
  sha256Hex: described('^[0-9a-f]{64}$', 'must be 64 lowercase hexadecimal digits'),
  decimal: described('^(?:0|[1-9][0-9]*)$', 'must be a non-negative decimal integer'),
  jsonPointer: described('^(?:/(?:[^~/]|~[01])*)*$', 'must be a JSON Pointer (RFC 6901)'),
} as const;

/** Machine identifiers: they end up in Kafka keys, file names and logs. */
export const ID: JsonSchema = { type: 'string', pattern: PATTERNS.id };

/** Lowercase vocabulary terms that policies match on (analytic types, object classes, purposes). */
export const TOKEN: JsonSchema = { type: 'string', pattern: PATTERNS.token };

/** Human-readable text shown to operators: 1 to `max` characters, no control characters. */
export function label(max: number): JsonSchema {
  return {
    type: 'string',
    pattern: described(
      `^[^\\u0000-\\u001f\\u007f]{1,${max}}$`,
      `must be 1 to ${max} characters, without control characters`,
    ),
  };
}

export const LABEL: JsonSchema = label(256);

export const DATE_TIME: JsonSchema = {
  type: 'string',
  format: 'date-time',
  description: 'RFC 3339, with upper-case T and Z and no leap second: 2026-03-14T08:00:00.000Z',
};

/** A probability or a normalised coordinate. */
export const UNIT: JsonSchema = { type: 'number', minimum: 0, maximum: 1 };

export const BASE64: JsonSchema = { type: 'string', pattern: PATTERNS.base64 };

/** Prose for auditors: may span lines, so no control-character ban. */
export const TEXT: JsonSchema = { type: 'string', minLength: 1, maxLength: 2000 };

export const HUMAN_REVIEW: JsonSchema = { enum: ['none', 'required', 'two-person'] };

export const POLICY_REF: JsonSchema = {
  type: 'object',
  required: ['id', 'version', 'hash'],
  additionalProperties: false,
  properties: {
    id: ID,
    version: label(64),
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
