"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEAD_LETTER_JSON_SCHEMA = void 0;
const dead_letter_1 = require("../dead-letter");
const fragments_1 = require("./fragments");
const SOURCE_PROPERTIES = {
    topic: { type: 'string', pattern: fragments_1.PATTERNS.kafkaTopic },
    partition: { type: 'integer', minimum: 0 },
    // int64 offsets exceed Number.MAX_SAFE_INTEGER, hence a decimal string
    offset: { type: 'string', maxLength: 20, pattern: fragments_1.PATTERNS.decimal },
    key: { type: ['string', 'null'], pattern: fragments_1.PATTERNS.base64OrEmpty },
    timestamp: { type: 'string', maxLength: 64 },
};
const ISSUE_PROPERTIES = {
    path: { type: 'string', pattern: fragments_1.PATTERNS.jsonPointer },
    code: { enum: Object.values(dead_letter_1.ValidationIssueCode) },
    message: { type: 'string', minLength: 1, maxLength: 1024 },
};
const DEAD_LETTER_PROPERTIES = {
    schema: { const: 'tamiz.dead-letter.v1' },
    source: (0, fragments_1.closedObject)(SOURCE_PROPERTIES, Object.keys(SOURCE_PROPERTIES)),
    // an empty record value (e.g. a tombstone on the raw topic) is dead-lettered too
    originalBase64: { type: 'string', pattern: fragments_1.PATTERNS.base64OrEmpty },
    originalSize: { type: 'integer', minimum: 0 },
    errors: {
        type: 'array',
        minItems: 1,
        items: (0, fragments_1.closedObject)(ISSUE_PROPERTIES, Object.keys(ISSUE_PROPERTIES)),
    },
    receivedAt: fragments_1.DATE_TIME,
};
exports.DEAD_LETTER_JSON_SCHEMA = {
    $schema: fragments_1.SCHEMA_DIALECT,
    $id: 'urn:tamiz:schema:dead-letter:1.0',
    title: 'Tamiz dead-letter record, v1',
    ...(0, fragments_1.closedObject)(DEAD_LETTER_PROPERTIES, Object.keys(DEAD_LETTER_PROPERTIES)),
};
