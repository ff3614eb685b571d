import { ValidationIssueCode, validateDetectionEvent, type ValidationIssue } from '@lib/contracts';
import {
  AdapterFormat,
  type AdapterInput,
  type AdapterOptions,
  type AdapterResult,
} from './adapter.types';
import { normaliseDeepStream } from './deepstream.adapter';
import { normaliseFrigate } from './frigate.adapter';
import { normaliseHikvision } from './hikvision.adapter';
import { normaliseOnvif } from './onvif.adapter';
import { rejection } from './payload.util';

const DEFAULT_MAX_BYTES = 1_048_576;
const MAX_MESSAGE = 1024;

type Adapter = (input: AdapterInput, options: AdapterOptions) => AdapterResult;

const ADAPTERS: Readonly<Record<AdapterFormat, Adapter | undefined>> = {
  [AdapterFormat.DeepStream]: normaliseDeepStream,
  [AdapterFormat.Frigate]: normaliseFrigate,
  [AdapterFormat.Onvif]: normaliseOnvif,
  [AdapterFormat.Hikvision]: normaliseHikvision,
};

/**
 * One camera message to canonical detection events. Never throws: a payload that cannot be
 * mapped comes back as issues (JSON Pointer paths into the vendor document) for the dead
 * letter, and every event returned has passed the canonical schema.
 */
export function normalise(
  format: AdapterFormat,
  input: AdapterInput,
  options: AdapterOptions = {},
): AdapterResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.payload.length > maxBytes) {
    return rejection(
      ValidationIssueCode.TooLarge,
      `payload is ${input.payload.length} bytes, over the limit of ${maxBytes}`,
    );
  }
  // the format comes from config or a caller in JS: an unknown one must not crash
  const adapter: Adapter | undefined = ADAPTERS[format];
  if (adapter === undefined) {
    return rejection(ValidationIssueCode.Unsupported, `format "${String(format)}" has no adapter`);
  }
  let result: AdapterResult;
  try {
    result = adapter(input, options);
  } catch (error) {
    // a bug in an adapter must dead-letter the message, not stop the ingress
    const name = error instanceof Error ? error.name : 'error';
    return rejection(ValidationIssueCode.Schema, `adapter failed on this input (${name})`);
  }
  return result.ok ? checked(result) : { ok: false, issues: result.issues.map(bounded) };
}

// a dead-letter issue message holds at most 1024 characters; parser messages may quote input
function bounded(issue: ValidationIssue): ValidationIssue {
  return issue.message.length <= MAX_MESSAGE
    ? issue
    : { ...issue, message: `${issue.message.slice(0, MAX_MESSAGE - 1)}…` };
}

// Vendors may put anything in the fields the adapters copy; the contract has the last word.
function checked(result: Extract<AdapterResult, { ok: true }>): AdapterResult {
  const issues = result.items.flatMap((item, index) =>
    validateDetectionEvent(item.event).map((issue) => ({
      ...issue,
      message: `canonical event ${index}${issue.path}: ${issue.message}`,
      path: '',
    })),
  );
  return issues.length === 0 ? result : { ok: false, issues };
}
