import { ValidationIssueCode, type ValidationIssue } from '@lib/contracts';

export type Rec = Record<string, unknown>;

// Vendors write placeholders where they know nothing (formats.md §6 hint 4): DeepStream "",
// Hikvision "unknown", Dahua "Unknow". They are read as absent.
const UNKNOWN_WORDS: ReadonlySet<string> = new Set([
  '',
  'unknown',
  'unknow',
  'none',
  'null',
  'n/a',
  'na',
  'undefined',
]);

const MAX_ISSUES = 50;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isUnknownWord(value: string): boolean {
  return UNKNOWN_WORDS.has(value.trim().toLowerCase());
}

/** RFC 6901 token, bounded so that hostile keys cannot inflate an issue. */
export function pointer(base: string, key: string | number): string {
  const text = String(key);
  const bounded = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  return `${base}/${bounded.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Reads vendor JSON (or XML turned into objects) field by field, collecting every problem as a
 * ValidationIssue whose path is a JSON Pointer into the vendor document, so that one dead
 * letter lists all the reasons at once.
 */
export class Fields {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, message: string, code = ValidationIssueCode.Schema): undefined {
    if (this.issues.length < MAX_ISSUES) {
      this.issues.push({ path, code, message });
    }
    return undefined;
  }

  get failed(): boolean {
    return this.issues.length > 0;
  }

  /** A required object; reports a missing or non-object value. */
  record(parent: Rec, key: string, path: string): Rec | undefined {
    const value = parent[key];
    const at = pointer(path, key);
    if (value === undefined || value === null) {
      return this.fail(at, 'is required');
    }
    return isRecord(value) ? value : this.fail(at, 'must be an object');
  }

  /** An optional object: absent, null or an object; anything else is reported. */
  optRecord(parent: Rec, key: string, path: string): Rec | undefined {
    const value = parent[key];
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    return isRecord(value) ? value : this.fail(pointer(path, key), 'must be an object');
  }

  /** Text or a number written as text (XML); unknown-like values read as absent. */
  optText(parent: Rec, key: string, path: string): string | undefined {
    const value = parent[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return String(value);
    }
    if (typeof value !== 'string') {
      return this.fail(pointer(path, key), 'must be a string');
    }
    return isUnknownWord(value) ? undefined : value.trim();
  }

  text(parent: Rec, key: string, path: string): string | undefined {
    const value = this.optText(parent, key, path);
    if (value === undefined && !this.hasIssueAt(pointer(path, key))) {
      return this.fail(pointer(path, key), 'is required');
    }
    return value;
  }

  /** A finite number, or a numeric string (XML); optional bounds are inclusive. */
  optNumber(
    parent: Rec,
    key: string,
    path: string,
    bounds: { min?: number; max?: number } = {},
  ): number | undefined {
    const value = parent[key];
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    const at = pointer(path, key);
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      return this.fail(at, 'must be a finite number');
    }
    if (bounds.min !== undefined && number < bounds.min) {
      return this.fail(at, `must be at least ${bounds.min}`);
    }
    if (bounds.max !== undefined && number > bounds.max) {
      return this.fail(at, `must be at most ${bounds.max}`);
    }
    return number;
  }

  number(
    parent: Rec,
    key: string,
    path: string,
    bounds: { min?: number; max?: number } = {},
  ): number | undefined {
    const value = this.optNumber(parent, key, path, bounds);
    if (value === undefined && !this.hasIssueAt(pointer(path, key))) {
      return this.fail(pointer(path, key), 'is required');
    }
    return value;
  }

  /** An optional array; a single value counts as a one-item array (XML repeats). */
  optList(parent: Rec, key: string): unknown[] {
    const value = parent[key];
    if (value === undefined || value === null || value === '') {
      return [];
    }
    return Array.isArray(value) ? (value as unknown[]) : [value];
  }

  private hasIssueAt(path: string): boolean {
    return this.issues.some((issue) => issue.path === path);
  }
}
