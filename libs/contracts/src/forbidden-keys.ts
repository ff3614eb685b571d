import { ValidationIssueCode, type ValidationIssue } from './dead-letter';
import { capIssues, pointerToken } from './validation-issues';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that never appear in an accepted event, at any depth. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Cheap pre-check on the raw JSON text: false means no forbidden key can be in the tree. */
export function mayHoldForbiddenKey(text: string): boolean {
  // JSON may spell a key with \u escapes ("\u005f_proto__"), so any escape sends the tree to
  // the full walk. 'proto' covers __proto__ and prototype; three substring scans cost less
  // than one regex alternation over the same text.
  return text.includes('proto') || text.includes('constructor') || text.includes('\\u');
}

/**
 * Every object key that could reach a prototype when the event is merged or copied downstream,
 * in document order. Iterative, so deeply nested input cannot overflow the stack.
 */
export function findForbiddenKeys(root: unknown): ValidationIssue[] {
  // Legitimate text trips the raw-text pre-check too (Python's json.dumps escapes every
  // non-ASCII character as \uXXXX), so the common answer, none, is found without building paths.
  return hasForbiddenKey(root) ? locateForbiddenKeys(root) : [];
}

function hasForbiddenKey(root: unknown): boolean {
  const stack: unknown[] = [root];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        stack.push(item);
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return true;
      }
      stack.push(record[key]);
    }
  }
  return false;
}

function locateForbiddenKeys(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { value, path } = top;
    if (value === null || typeof value !== 'object') {
      continue;
    }
    const children: Array<{ value: unknown; path: string }> = [];
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) =>
        children.push({ value: item, path: `${path}/${index}` }),
      );
    } else {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}/${pointerToken(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({
            path: childPath,
            code: ValidationIssueCode.ForbiddenKey,
            message: `key "${key}" is not allowed anywhere in an event`,
          });
        } else {
          children.push({ value: child, path: childPath });
        }
      }
    }
    // reversed so that popping visits children in document order
    for (let i = children.length - 1; i >= 0; i -= 1) {
      stack.push(children[i]);
    }
  }
  return capIssues(issues);
}
