import { canonicalJson } from '@lib/policy';
import type { FixtureMismatch } from './policy-fixture';
import { isRecord } from './value-at-path.util';

export const ABSENT = '(ausente / absent)';

/**
 * Compares `actual` with a partial `expected`: objects are matched key by key (keys the fixture
 * does not name may hold anything), while scalars, null and arrays must be equal as JSON. Returns
 * one mismatch per differing leaf, located under `at`.
 */
export function partialDiff(args: {
  expected: unknown;
  actual: unknown;
  at: string;
}): FixtureMismatch[] {
  const { expected, actual, at } = args;
  if (isRecord(expected)) {
    if (!isRecord(actual)) {
      return [{ at, expected: 'an object / un objeto', actual: showValue(actual) }];
    }
    return Object.keys(expected).flatMap((key) =>
      partialDiff({
        expected: expected[key],
        actual: Object.hasOwn(actual, key) ? actual[key] : undefined,
        at: at === '' ? key : `${at}.${key}`,
      }),
    );
  }
  if (actual !== undefined && canonicalJson(expected) === safeCanonical(actual)) {
    return [];
  }
  return [{ at, expected: showValue(expected), actual: showValue(actual) }];
}

/** JSON as the fixture author would write it; `undefined` is shown as absent. */
export function showValue(value: unknown): string {
  return value === undefined ? ABSENT : safeCanonical(value);
}

// Engine output is JSON data by contract; anything else is shown rather than thrown, so one odd
// value cannot hide the rest of the report.
function safeCanonical(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return String(value);
  }
}
