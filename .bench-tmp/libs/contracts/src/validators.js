"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkDetectionEvent = checkDetectionEvent;
exports.validateDetectionEvent = validateDetectionEvent;
exports.validateAlert = validateAlert;
exports.validateDecision = validateDecision;
exports.validateDeadLetter = validateDeadLetter;
const _2020_1 = __importDefault(require("ajv/dist/2020"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const date_time_1 = require("./date-time");
const dead_letter_1 = require("./dead-letter");
const schemas_1 = require("./schemas");
const validation_issues_1 = require("./validation-issues");
// Compiled once at module load: compiling costs milliseconds, validating a microsecond or two.
// No coercion, no defaults, no removal: validation never changes the value it checks.
const ajv = new _2020_1.default({ allErrors: true, strict: true, allowUnionTypes: true });
(0, ajv_formats_1.default)(ajv, ['uri', 'uri-reference']);
ajv.addFormat('date-time', { type: 'string', validate: date_time_1.isCanonicalDateTime });
const detectionEvent = ajv.compile(schemas_1.DETECTION_EVENT_JSON_SCHEMA);
const alert = ajv.compile(schemas_1.ALERT_JSON_SCHEMA);
const decision = ajv.compile(schemas_1.DECISION_JSON_SCHEMA);
const deadLetter = ajv.compile(schemas_1.DEAD_LETTER_JSON_SCHEMA);
/** Schema issues first; the envelope/data consistency rules only run on a well-formed event. */
function checkDetectionEvent(value) {
    if (!detectionEvent(value)) {
        return { ok: false, issues: (0, validation_issues_1.issuesFromAjv)(detectionEvent.errors) };
    }
    const issues = consistencyIssues(value);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, event: value };
}
/** For events built in memory (adapters, simulators) before they are published. */
function validateDetectionEvent(value) {
    const check = checkDetectionEvent(value);
    return check.ok ? [] : check.issues;
}
function validateAlert(value) {
    return alert(value) ? [] : (0, validation_issues_1.issuesFromAjv)(alert.errors);
}
function validateDecision(value) {
    return decision(value) ? [] : (0, validation_issues_1.issuesFromAjv)(decision.errors);
}
function validateDeadLetter(value) {
    return deadLetter(value) ? [] : (0, validation_issues_1.issuesFromAjv)(deadLetter.errors);
}
// The envelope repeats two data fields so brokers and routers can read them without `data`;
// a mismatch means the producer built them from different sources, and neither can be trusted.
function consistencyIssues(event) {
    const issues = [];
    if (event.id !== event.data.eventId) {
        issues.push({
            path: '/id',
            code: dead_letter_1.ValidationIssueCode.Inconsistent,
            message: 'must equal /data/eventId',
        });
    }
    if (event.time !== event.data.occurredAt) {
        issues.push({
            path: '/time',
            code: dead_letter_1.ValidationIssueCode.Inconsistent,
            message: 'must equal /data/occurredAt, character for character',
        });
    }
    return issues;
}
