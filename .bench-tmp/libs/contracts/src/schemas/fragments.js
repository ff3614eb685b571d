"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.POLICY_REF = exports.HUMAN_REVIEW = exports.TEXT = exports.BASE64 = exports.UNIT = exports.DATE_TIME = exports.LABEL = exports.TOKEN = exports.ID = exports.PATTERNS = exports.SCHEMA_DIALECT = void 0;
exports.describePattern = describePattern;
exports.label = label;
exports.closedObject = closedObject;
/**
 * Building blocks shared by the contract schemas. Patterns stay within the regex dialect that
 * every mainstream JSON Schema validator understands (no `\p{…}`), because producers validate
 * against the exported JSON files with their own tooling.
 */
exports.SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const descriptions = new Map();
// Each pattern is registered with the English a dead letter shows instead of the regex.
function described(pattern, description) {
    descriptions.set(pattern, description);
    return pattern;
}
/** What a pattern used in the contract schemas requires, in plain English. */
function describePattern(pattern) {
    return descriptions.get(pattern);
}
// Lengths are bounded inside the patterns where possible: one regex is cheaper than a regex plus
// Ajv's code-point count for maxLength, and these run on every event.
exports.PATTERNS = {
    id: described('^[!-~]{1,128}$', 'must be 1 to 128 visible ASCII characters, without spaces'),
    token: described('^[a-z0-9][a-z0-9._-]{0,63}$', 'must be a lowercase token of at most 64 characters from a-z, 0-9, ".", "_", "-"'),
    base64: described('^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$', 'must be non-empty, padded base64 (RFC 4648 §4)'),
    base64OrEmpty: described('^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$', 'must be padded base64 (RFC 4648 §4)'),
    kafkaTopic: described('^[A-Za-z0-9._-]{1,249}$', 'must be a Kafka topic name: 1 to 249 characters from A-Z, a-z, 0-9, ".", "_", "-"'),
    extensionName: described('^[a-z0-9]{1,20}$', 'must be a CloudEvents attribute name: 1 to 20 characters from a-z, 0-9'),
    attributeGroup: described('^[A-Za-z0-9_-]{1,64}$', 'must be 1 to 64 characters from A-Z, a-z, 0-9, "_", "-"'),
    traceparent: described('^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', 'must be a W3C traceparent (version-traceid-parentid-flags)'),
    sha256Hex: described('^[0-9a-f]{64}$', 'must be 64 lowercase hexadecimal digits'),
    decimal: described('^(?:0|[1-9][0-9]*)$', 'must be a non-negative decimal integer'),
    jsonPointer: described('^(?:/(?:[^~/]|~[01])*)*$', 'must be a JSON Pointer (RFC 6901)'),
};
/** Machine identifiers: they end up in Kafka keys, file names and logs. */
exports.ID = { type: 'string', pattern: exports.PATTERNS.id };
/** Lowercase vocabulary terms that policies match on (analytic types, object classes, purposes). */
exports.TOKEN = { type: 'string', pattern: exports.PATTERNS.token };
/** Human-readable text shown to operators: 1 to `max` characters, no control characters. */
function label(max) {
    return {
        type: 'string',
        pattern: described(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`, `must be 1 to ${max} characters, without control characters`),
    };
}
exports.LABEL = label(256);
exports.DATE_TIME = {
    type: 'string',
    format: 'date-time',
    description: 'RFC 3339, with upper-case T and Z and no leap second: 2026-03-14T08:00:00.000Z',
};
/** A probability or a normalised coordinate. */
exports.UNIT = { type: 'number', minimum: 0, maximum: 1 };
exports.BASE64 = { type: 'string', pattern: exports.PATTERNS.base64 };
/** Prose for auditors: may span lines, so no control-character ban. */
exports.TEXT = { type: 'string', minLength: 1, maxLength: 2000 };
exports.HUMAN_REVIEW = { enum: ['none', 'required', 'two-person'] };
exports.POLICY_REF = {
    type: 'object',
    required: ['id', 'version', 'hash'],
    additionalProperties: false,
    properties: {
        id: exports.ID,
        version: label(64),
        hash: { type: 'string', pattern: exports.PATTERNS.sha256Hex },
    },
};
/** A closed object: every listed property allowed, `required` ones mandatory, nothing else. */
function closedObject(properties, required = []) {
    return required.length > 0
        ? { type: 'object', required, additionalProperties: false, properties }
        : { type: 'object', additionalProperties: false, properties };
}
