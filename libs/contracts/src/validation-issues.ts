import type { ErrorObject } from 'ajv';
import { ValidationIssueCode, type ValidationIssue } from './dead-letter';
import { describePattern } from './schemas/fragments';

// A dead letter carries the original bytes plus its issues and must fit the DLQ topic's
// max.message.bytes (2 MiB for a 1 MiB input), so hostile input cannot inflate the issue list.
const MAX_ISSUES = 50;
const MAX_KEY_IN_PATH = 64;
const MAX_PATH = 512;

const FORMAT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'date-time':
    'must be an RFC 3339 date-time with seconds and a zone, e.g. 2026-03-14T08:00:00.000Z',
  uri: 'must be an absolute URI',
  'uri-reference': 'must be a URI reference',
};

/** RFC 6901 escaping; overlong attacker-chosen keys are cut so paths stay bounded. */
export function pointerToken(key: string): string {
  const bounded = key.length > MAX_KEY_IN_PATH ? `${key.slice(0, MAX_KEY_IN_PATH)}…` : key;
  return bounded.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Keeps the first issues and says how many were left out. */
export function capIssues(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) {
    return issues;
  }
  const kept = issues.slice(0, MAX_ISSUES - 1);
  const omitted = issues.length - kept.length;
  return [
    ...kept,
    { path: '', code: issues[0].code, message: `${omitted} more issues not listed` },
  ];
}

/** One `schema` issue per Ajv error, with the path naming the missing or extra key itself. */
export function issuesFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of errors ?? []) {
    // propertyNames failures arrive twice: as the inner keyword error (which names the key)
    // and as a generic wrapper; the wrapper adds nothing
    // likewise `if`: the failing branch's own errors name the path (tagged unions)
    if (error.keyword === 'propertyNames' || error.keyword === 'if') {
      continue;
    }
    issues.push(issueFromAjv(error));
  }
  return capIssues(issues);
}

function issueFromAjv(error: ErrorObject): ValidationIssue {
  const params: Record<string, unknown> = error.params;
  const at = (key: unknown): string => `${error.instancePath}/${pointerToken(String(key))}`;
  // Ajv's instancePath holds keys uncut, e.g. a vendor attribute group with a huge name
  const schema = (path: string, message: string): ValidationIssue => ({
    path: path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path,
    code: ValidationIssueCode.Schema,
    message,
  });

  if (error.propertyName !== undefined) {
    return schema(at(error.propertyName), `property name ${describe(error, params)}`);
  }
  switch (error.keyword) {
    case 'required':
      return schema(at(params.missingProperty), 'is required');
    case 'additionalProperties':
      return schema(at(params.additionalProperty), 'is not an allowed property');
    default:
      return schema(error.instancePath, describe(error, params));
  }
}

function describe(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'type':
      return `must be ${[params.type].flat().join(' or ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `must be one of ${[params.allowedValues].flat().map(quote).join(', ')}`;
    case 'format':
      return (
        FORMAT_DESCRIPTIONS[String(params.format)] ?? `must be a valid ${String(params.format)}`
      );
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'pattern':
      return describePattern(String(params.pattern)) ?? error.message ?? 'must match a pattern';
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}
