import { isUtf8 } from 'node:buffer';
import { ValidationIssueCode, type ValidationIssue } from '@lib/contracts';
import type { AdapterResult } from './adapter.types';

// V8 quotes the input in JSON errors; the input may hold personal data and issues get logged
const ECHOED_INPUT = /,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;

export type Decoded<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function rejection(
  code: ValidationIssueCode,
  message: string,
  path = '',
): { ok: false; issues: ValidationIssue[] } {
  return { ok: false, issues: [{ path, code, message }] };
}

export function decodeText(payload: Buffer): Decoded<string> {
  if (!isUtf8(payload)) {
    return rejection(ValidationIssueCode.InvalidUtf8, 'payload is not valid UTF-8');
  }
  const bom = payload.length >= 3 && payload[0] === 0xef && payload[1] === 0xbb;
  return { ok: true, value: payload.toString('utf8', bom && payload[2] === 0xbf ? 3 : 0) };
}

export function decodeJson(payload: Buffer): Decoded<unknown> {
  const text = decodeText(payload);
  if (!text.ok) {
    return text;
  }
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return rejection(
      ValidationIssueCode.InvalidJson,
      message.replace(ECHOED_INPUT, ' is not valid JSON'),
    );
  }
}

export function unsupported(message: string, path = ''): AdapterResult {
  return rejection(ValidationIssueCode.Unsupported, message, path);
}

export function schemaIssue(message: string, path = ''): AdapterResult {
  return rejection(ValidationIssueCode.Schema, message, path);
}
