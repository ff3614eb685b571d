import { isAscii, isUtf8 } from 'node:buffer';
import { ValidationIssueCode, type ValidationIssue } from './dead-letter';
import type { DetectionEventV1 } from './detection-event';
import { findForbiddenKeys, mayHoldForbiddenKey } from './forbidden-keys';
import { checkDetectionEvent } from './validators';

export type ParseResult =
  { ok: true; event: DetectionEventV1 } | { ok: false; issues: ValidationIssue[] };

export interface ParseDetectionOptions {
  /** Larger records are rejected before decoding, so their size costs nothing more. */
  maxBytes: number;
}

// V8 quotes part of the input in its messages ('Unexpected token 'T', "…TEST451…" is not valid
// JSON'); issues are logged, and the input may hold personal data, so the quote is cut.
const ECHOED_INPUT = /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;

/**
 * Reads one raw record as a canonical detection event: size, UTF-8, JSON, forbidden keys,
 * schema, then envelope/data consistency. Each step runs only if the previous one passed.
 * Never throws; every failure comes back as issues with a JSON Pointer path.
 */
export function parseDetection(bytes: Buffer, options: ParseDetectionOptions): ParseResult {
  if (bytes.length > options.maxBytes) {
    return rejected(
      ValidationIssueCode.TooLarge,
      `record is ${bytes.length} bytes, over the limit of ${options.maxBytes}`,
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    return rejected(ValidationIssueCode.InvalidUtf8, 'record is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return rejected(
      ValidationIssueCode.InvalidJson,
      message.replace(ECHOED_INPUT, ' is not valid JSON'),
    );
  }
  if (mayHoldForbiddenKey(text)) {
    const forbidden = findForbiddenKeys(value);
    if (forbidden.length > 0) {
      return { ok: false, issues: forbidden };
    }
  }
  return checkDetectionEvent(value);
}

/**
 * Strict UTF-8 (no overlong forms, no surrogates), a leading byte order mark dropped, as
 * `new TextDecoder('utf-8', { fatal: true })` decodes; null if the bytes are not UTF-8. Most
 * records are pure ASCII, which is validated and copied byte for byte at a fraction of the cost
 * of running a UTF-8 decoder over them.
 */
function decodeUtf8(bytes: Buffer): string | null {
  if (isAscii(bytes)) {
    return bytes.toString('latin1');
  }
  if (!isUtf8(bytes)) {
    return null;
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}

function rejected(code: ValidationIssueCode, message: string): ParseResult {
  return { ok: false, issues: [{ path: '', code, message }] };
}
