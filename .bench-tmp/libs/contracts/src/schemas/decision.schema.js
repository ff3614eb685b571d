"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DECISION_JSON_SCHEMA = void 0;
const fragments_1 = require("./fragments");
const REASON_PROPERTIES = {
    code: fragments_1.ID,
    es: fragments_1.TEXT,
    en: fragments_1.TEXT,
    citation: (0, fragments_1.label)(512),
};
/** A dotted field path as policies write it (`attributes.person.clothing`). */
const FIELD_PATH = (0, fragments_1.label)(256);
const TRANSFORM_PROPERTIES = {
    purpose: fragments_1.TOKEN,
    path: FIELD_PATH,
    transform: (0, fragments_1.label)(64),
};
const DECISION_PROPERTIES = {
    schema: { const: 'tamiz.decision.v1' },
    decisionId: fragments_1.ID,
    eventId: fragments_1.ID,
    cameraId: fragments_1.ID,
    occurredAt: fragments_1.DATE_TIME,
    analyticType: fragments_1.TOKEN,
    verdict: { enum: ['forward', 'suppress'] },
    purposes: { type: 'array', maxItems: 64, items: fragments_1.TOKEN },
    ruleIds: { type: 'array', maxItems: 256, items: fragments_1.ID },
    reasons: {
        type: 'array',
        maxItems: 256,
        items: (0, fragments_1.closedObject)(REASON_PROPERTIES, ['code', 'es', 'en']),
    },
    droppedPaths: { type: 'array', maxItems: 1024, items: FIELD_PATH },
    transforms: {
        type: 'array',
        maxItems: 1024,
        items: (0, fragments_1.closedObject)(TRANSFORM_PROPERTIES, Object.keys(TRANSFORM_PROPERTIES)),
    },
    policy: { ...fragments_1.POLICY_REF, type: ['object', 'null'] },
    humanReview: fragments_1.HUMAN_REVIEW,
    retentionClass: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
};
exports.DECISION_JSON_SCHEMA = {
    $schema: fragments_1.SCHEMA_DIALECT,
    $id: 'urn:tamiz:schema:decision:1.0',
    title: 'Tamiz decision record, v1',
    ...(0, fragments_1.closedObject)(DECISION_PROPERTIES, Object.keys(DECISION_PROPERTIES)),
};
