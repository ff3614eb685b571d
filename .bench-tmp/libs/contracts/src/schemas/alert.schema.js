"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALERT_JSON_SCHEMA = void 0;
const detection_event_schema_1 = require("./detection-event.schema");
const fragments_1 = require("./fragments");
/**
 * A purpose may keep any path, at any depth (`identifiers.plate.country` without `.value`), so a
 * minimised copy of the detection satisfies the detection schema with every `required` removed.
 */
function withoutRequired(schema) {
    const { properties, additionalProperties, items } = schema;
    const result = { ...schema };
    delete result.required;
    if (properties) {
        result.properties = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, withoutRequired(value)]));
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
const ALERT_PROPERTIES = {
    schema: { const: 'tamiz.alert.v1' },
    alertId: fragments_1.ID,
    eventId: fragments_1.ID,
    purpose: fragments_1.TOKEN,
    title: (0, fragments_1.closedObject)({ es: fragments_1.LABEL, en: fragments_1.LABEL }, ['es', 'en']),
    priority: { enum: ['low', 'medium', 'high', 'critical'] },
    recipients: { type: 'array', maxItems: 64, items: fragments_1.LABEL },
    humanReview: fragments_1.HUMAN_REVIEW,
    label: { const: 'recommendation' },
    policy: fragments_1.POLICY_REF,
    data: withoutRequired(detection_event_schema_1.DETECTION_DATA_JSON_SCHEMA),
};
exports.ALERT_JSON_SCHEMA = {
    $schema: fragments_1.SCHEMA_DIALECT,
    $id: 'urn:tamiz:schema:alert:1.0',
    title: 'Tamiz lawful alert, v1',
    ...(0, fragments_1.closedObject)(ALERT_PROPERTIES, Object.keys(ALERT_PROPERTIES)),
};
