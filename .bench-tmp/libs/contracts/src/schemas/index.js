"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTRACT_SCHEMAS = exports.DETECTION_EVENT_JSON_SCHEMA = exports.DETECTION_DATA_JSON_SCHEMA = exports.DECISION_JSON_SCHEMA = exports.DEAD_LETTER_JSON_SCHEMA = exports.ALERT_JSON_SCHEMA = void 0;
const alert_schema_1 = require("./alert.schema");
const dead_letter_schema_1 = require("./dead-letter.schema");
const decision_schema_1 = require("./decision.schema");
const detection_event_schema_1 = require("./detection-event.schema");
var alert_schema_2 = require("./alert.schema");
Object.defineProperty(exports, "ALERT_JSON_SCHEMA", { enumerable: true, get: function () { return alert_schema_2.ALERT_JSON_SCHEMA; } });
var dead_letter_schema_2 = require("./dead-letter.schema");
Object.defineProperty(exports, "DEAD_LETTER_JSON_SCHEMA", { enumerable: true, get: function () { return dead_letter_schema_2.DEAD_LETTER_JSON_SCHEMA; } });
var decision_schema_2 = require("./decision.schema");
Object.defineProperty(exports, "DECISION_JSON_SCHEMA", { enumerable: true, get: function () { return decision_schema_2.DECISION_JSON_SCHEMA; } });
var detection_event_schema_2 = require("./detection-event.schema");
Object.defineProperty(exports, "DETECTION_DATA_JSON_SCHEMA", { enumerable: true, get: function () { return detection_event_schema_2.DETECTION_DATA_JSON_SCHEMA; } });
Object.defineProperty(exports, "DETECTION_EVENT_JSON_SCHEMA", { enumerable: true, get: function () { return detection_event_schema_2.DETECTION_EVENT_JSON_SCHEMA; } });
/** Every published schema, by the file name it is exported under (`<name>.schema.json`). */
exports.CONTRACT_SCHEMAS = {
    detection: detection_event_schema_1.DETECTION_EVENT_JSON_SCHEMA,
    alert: alert_schema_1.ALERT_JSON_SCHEMA,
    decision: decision_schema_1.DECISION_JSON_SCHEMA,
    'dead-letter': dead_letter_schema_1.DEAD_LETTER_JSON_SCHEMA,
};
