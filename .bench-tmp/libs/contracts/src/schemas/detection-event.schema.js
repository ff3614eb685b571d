"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DETECTION_EVENT_JSON_SCHEMA = exports.DETECTION_DATA_JSON_SCHEMA = exports.DETECTION_DATA_REQUIRED = void 0;
const detection_event_1 = require("../detection-event");
const fragments_1 = require("./fragments");
const GEO_PROPERTIES = {
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
};
const BOX_PROPERTIES = {
    x: fragments_1.UNIT,
    y: fragments_1.UNIT,
    w: fragments_1.UNIT,
    h: fragments_1.UNIT,
    space: { const: 'norm-tl' },
};
const BOX_REQUIRED = ['x', 'y', 'w', 'h'];
const SNAPSHOT_BOX_PROPERTIES = {
    ...BOX_PROPERTIES,
    kind: { enum: ['face', 'plate', 'person', 'vehicle', 'object'] },
};
// Attribute groups stay open below their known keys: vendors add keys, and policies decide by
// path what survives (deny by default), so an unknown key is dropped rather than rejected.
const CLOTHING_ITEM = {
    type: 'object',
    properties: { type: fragments_1.LABEL, color: fragments_1.LABEL },
};
const PERSON_PROPERTIES = {
    age: { type: 'integer', minimum: 0, maximum: 150 },
    ageBand: fragments_1.LABEL,
    gender: fragments_1.LABEL,
    clothing: {
        type: 'object',
        properties: { upper: CLOTHING_ITEM, lower: CLOTHING_ITEM, hat: { type: 'boolean' } },
    },
    carrying: { type: 'array', maxItems: 32, items: fragments_1.LABEL },
};
const VEHICLE_PROPERTIES = {
    type: fragments_1.LABEL,
    make: fragments_1.LABEL,
    model: fragments_1.LABEL,
    color: fragments_1.LABEL,
};
const ATTRIBUTES_PROPERTIES = {
    person: { type: 'object', properties: PERSON_PROPERTIES },
    vehicle: { type: 'object', properties: VEHICLE_PROPERTIES },
    face: { type: 'object' },
};
const PLATE_PROPERTIES = {
    value: (0, fragments_1.label)(32),
    country: (0, fragments_1.label)(16),
    confidence: fragments_1.UNIT,
};
const FACE_MATCH_PROPERTIES = {
    subjectRef: fragments_1.ID,
    watchlist: (0, fragments_1.label)(128),
    similarity: fragments_1.UNIT,
};
const IDENTIFIERS_PROPERTIES = {
    plate: { ...(0, fragments_1.closedObject)(PLATE_PROPERTIES, ['value']), type: ['object', 'null'] },
    faceMatch: { ...(0, fragments_1.closedObject)(FACE_MATCH_PROPERTIES, ['subjectRef']), type: ['object', 'null'] },
};
const SNAPSHOT_PROPERTIES = {
    ref: { type: 'string', maxLength: 2048, format: 'uri-reference' },
    image: (0, fragments_1.closedObject)({
        contentType: { enum: ['image/jpeg', 'image/png'] },
        dataBase64: fragments_1.BASE64,
    }, ['contentType', 'dataBase64']),
    boxes: {
        type: 'array',
        maxItems: 64,
        items: (0, fragments_1.closedObject)(SNAPSHOT_BOX_PROPERTIES, BOX_REQUIRED),
    },
};
const VENDOR_PROPERTIES = {
    kind: fragments_1.TOKEN,
    eventType: (0, fragments_1.label)(128),
    model: (0, fragments_1.label)(128),
};
const DATA_PROPERTIES = {
    eventId: fragments_1.ID,
    occurredAt: fragments_1.DATE_TIME,
    cameraId: fragments_1.ID,
    siteId: fragments_1.ID,
    zone: (0, fragments_1.label)(128),
    geo: (0, fragments_1.closedObject)(GEO_PROPERTIES, ['lat', 'lon']),
    analyticType: fragments_1.TOKEN,
    objectClass: fragments_1.TOKEN,
    confidence: fragments_1.UNIT,
    boundingBox: (0, fragments_1.closedObject)(BOX_PROPERTIES, BOX_REQUIRED),
    attributes: {
        type: 'object',
        propertyNames: { pattern: fragments_1.PATTERNS.attributeGroup },
        properties: ATTRIBUTES_PROPERTIES,
        additionalProperties: { type: 'object' },
    },
    identifiers: (0, fragments_1.closedObject)(IDENTIFIERS_PROPERTIES),
    snapshot: (0, fragments_1.closedObject)(SNAPSHOT_PROPERTIES),
    trackId: fragments_1.ID,
    vendor: (0, fragments_1.closedObject)(VENDOR_PROPERTIES, ['kind']),
};
/** The keys every detection carries; the alert schema reuses the properties without them. */
exports.DETECTION_DATA_REQUIRED = [
    'eventId',
    'occurredAt',
    'cameraId',
    'analyticType',
    'objectClass',
    'confidence',
];
/** The `data` member of the canonical detection event: closed at the top level. */
exports.DETECTION_DATA_JSON_SCHEMA = (0, fragments_1.closedObject)(DATA_PROPERTIES, exports.DETECTION_DATA_REQUIRED);
const ENVELOPE_PROPERTIES = {
    specversion: { const: '1.0' },
    id: fragments_1.ID,
    source: { type: 'string', minLength: 1, maxLength: 512, format: 'uri-reference' },
    type: { const: detection_event_1.DETECTION_EVENT_TYPE },
    time: fragments_1.DATE_TIME,
    subject: fragments_1.LABEL,
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string', maxLength: 512, format: 'uri' },
    dataclassification: { enum: ['public', 'internal', 'confidential', 'restricted'] },
    partitionkey: fragments_1.ID,
    traceparent: { type: 'string', pattern: fragments_1.PATTERNS.traceparent },
    data: exports.DETECTION_DATA_JSON_SCHEMA,
};
/**
 * CloudEvents 1.0 structured-mode envelope around the detection. Other extension attributes
 * (`dataregulation`, `sequence`, …) pass if their names follow the CloudEvents naming rule and
 * their values are scalars, as the spec requires.
 */
exports.DETECTION_EVENT_JSON_SCHEMA = {
    $schema: fragments_1.SCHEMA_DIALECT,
    $id: detection_event_1.DETECTION_DATA_SCHEMA,
    title: 'Tamiz canonical detection event, v1',
    description: 'A CloudEvents 1.0 structured-mode event. Beyond this schema, Tamiz requires id to equal ' +
        'data.eventId and time to equal data.occurredAt, and rejects the keys __proto__, ' +
        'constructor and prototype at any depth.',
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'time', 'data'],
    properties: ENVELOPE_PROPERTIES,
    propertyNames: { pattern: fragments_1.PATTERNS.extensionName },
    additionalProperties: { type: ['string', 'number', 'boolean'], maxLength: 2048 },
};
