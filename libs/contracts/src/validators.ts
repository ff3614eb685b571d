import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AlertV1 } from './alert';
import type { AuthorisationRegisterV1 } from './authorisation-register';
import { isCanonicalDateTime } from './date-time';
import { ValidationIssueCode, type DeadLetterRecordV1, type ValidationIssue } from './dead-letter';
import type { DecisionRecordV1 } from './decision';
import type { DetectionEventV1 } from './detection-event';
import {
  ALERT_JSON_SCHEMA,
  AUTHORISATION_REGISTER_JSON_SCHEMA,
  DEAD_LETTER_JSON_SCHEMA,
  DECISION_JSON_SCHEMA,
  DETECTION_EVENT_JSON_SCHEMA,
} from './schemas';
import { issuesFromAjv } from './validation-issues';

// Compiled once at module load: compiling costs milliseconds, validating a microsecond or two.
// No coercion, no defaults, no removal: validation never changes the value it checks.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['uri', 'uri-reference']);
ajv.addFormat('date-time', { type: 'string', validate: isCanonicalDateTime });

const detectionEvent: ValidateFunction<DetectionEventV1> = ajv.compile(DETECTION_EVENT_JSON_SCHEMA);
const alert: ValidateFunction<AlertV1> = ajv.compile(ALERT_JSON_SCHEMA);
const decision: ValidateFunction<DecisionRecordV1> = ajv.compile(DECISION_JSON_SCHEMA);
const deadLetter: ValidateFunction<DeadLetterRecordV1> = ajv.compile(DEAD_LETTER_JSON_SCHEMA);
const authorisationRegister: ValidateFunction<AuthorisationRegisterV1> = ajv.compile(
  AUTHORISATION_REGISTER_JSON_SCHEMA,
);

export type DetectionCheck =
  { ok: true; event: DetectionEventV1 } | { ok: false; issues: ValidationIssue[] };

/** Schema issues first; the envelope/data consistency rules only run on a well-formed event. */
export function checkDetectionEvent(value: unknown): DetectionCheck {
  if (!detectionEvent(value)) {
    return { ok: false, issues: issuesFromAjv(detectionEvent.errors) };
  }
  const issues = consistencyIssues(value);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, event: value };
}

/** For events built in memory (adapters, simulators) before they are published. */
export function validateDetectionEvent(value: unknown): ValidationIssue[] {
  const check = checkDetectionEvent(value);
  return check.ok ? [] : check.issues;
}

export function validateAlert(value: unknown): ValidationIssue[] {
  return alert(value) ? [] : issuesFromAjv(alert.errors);
}

export function validateDecision(value: unknown): ValidationIssue[] {
  return decision(value) ? [] : issuesFromAjv(decision.errors);
}

export function validateDeadLetter(value: unknown): ValidationIssue[] {
  return deadLetter(value) ? [] : issuesFromAjv(deadLetter.errors);
}

/** The shape of a signed register of authorisations; the signature is checked by @lib/policy. */
export function validateAuthorisationRegister(value: unknown): ValidationIssue[] {
  return authorisationRegister(value) ? [] : issuesFromAjv(authorisationRegister.errors);
}

// The envelope repeats two data fields so brokers and routers can read them without `data`;
// a mismatch means the producer built them from different sources, and neither can be trusted.
function consistencyIssues(event: DetectionEventV1): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (event.id !== event.data.eventId) {
    issues.push({
      path: '/id',
      code: ValidationIssueCode.Inconsistent,
      message: 'must equal /data/eventId',
    });
  }
  if (event.time !== event.data.occurredAt) {
    issues.push({
      path: '/time',
      code: ValidationIssueCode.Inconsistent,
      message: 'must equal /data/occurredAt, character for character',
    });
  }
  return issues;
}
