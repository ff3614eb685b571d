import type { AlertV1, DecisionRecordV1 } from '@lib/contracts';
import { ABSENT, partialDiff, showValue } from './partial-diff.util';
import type {
  ExpectedAlert,
  ExpectedFinding,
  ExpectedTransform,
  FixtureExpectation,
  FixtureMismatch,
} from './policy-fixture';
import { isRecord, valueAtPath } from './value-at-path.util';

export interface EvaluationResult {
  decision: DecisionRecordV1;
  alerts: AlertV1[];
}

/** Every way the evaluation differs from what the fixture expects; empty means PASS. */
export function matchFixture(args: {
  expect: FixtureExpectation;
  evaluation: EvaluationResult;
}): FixtureMismatch[] {
  const { expect, evaluation } = args;
  const { decision } = evaluation;
  const mismatches: FixtureMismatch[] = [];
  if (decision.verdict !== expect.verdict) {
    mismatches.push(scalar('verdict', expect.verdict, decision.verdict));
  }
  if (expect.humanReview !== undefined && decision.humanReview !== expect.humanReview) {
    mismatches.push(scalar('humanReview', expect.humanReview, decision.humanReview));
  }
  if (expect.purposes !== undefined) {
    const expected = [...expect.purposes].sort();
    const actual = [...decision.purposes].sort();
    if (showValue(expected) !== showValue(actual)) {
      mismatches.push(scalar('purposes', expected, actual));
    }
  }
  const reasonCodes = decision.reasons.map((r) => r.code);
  mismatches.push(...missing('reasonCodes', expect.reasonCodes, reasonCodes));
  mismatches.push(...missing('droppedPaths', expect.droppedPaths, decision.droppedPaths));
  mismatches.push(
    ...missingRecords<ExpectedTransform>('transforms', expect.transforms, decision.transforms, [
      'purpose',
      'path',
      'transform',
    ]),
  );
  mismatches.push(
    ...missingRecords<ExpectedFinding>('findings', expect.findings, decision.findings, [
      'code',
      'path',
    ]),
  );
  for (const alert of expect.alerts ?? []) {
    mismatches.push(...matchAlert(alert, evaluation.alerts));
  }
  return mismatches;
}

function matchAlert(expected: ExpectedAlert, alerts: AlertV1[]): FixtureMismatch[] {
  const at = `alerts[${expected.purpose}]`;
  const alert = alerts.find((a) => a.purpose === expected.purpose);
  if (alert === undefined) {
    const purposes = alerts.map((a) => a.purpose);
    return [{ at, expected: 'an alert / una alerta', actual: `alerts for ${showValue(purposes)}` }];
  }
  const data: unknown = alert.data;
  const mismatches =
    expected.data === undefined
      ? []
      : partialDiff({ expected: expected.data, actual: data, at: `${at}.data` });
  if (expected.redaction !== undefined) {
    const regions = alert.redaction?.regions ?? [];
    if (showValue(regions) !== showValue(expected.redaction)) {
      mismatches.push(scalar(`${at}.redaction`, expected.redaction, regions));
    }
  }
  for (const path of expected.absentPaths ?? []) {
    const lookup = valueAtPath(data, path);
    if (lookup.found) {
      mismatches.push({
        at: `${at}.data.${path}`,
        expected: ABSENT,
        actual: showValue(lookup.value),
      });
    }
  }
  return mismatches;
}

function scalar(at: string, expected: unknown, actual: unknown): FixtureMismatch {
  return { at, expected: showValue(expected), actual: showValue(actual) };
}

function missing(at: string, expected: string[] | undefined, actual: string[]): FixtureMismatch[] {
  const absent = (expected ?? []).filter((item) => !actual.includes(item));
  return absent.length === 0 ? [] : [containing(at, absent, actual)];
}

function missingRecords<T extends object>(
  at: string,
  expected: readonly T[] | undefined,
  actual: readonly unknown[],
  keys: ReadonlyArray<keyof T & string>,
): FixtureMismatch[] {
  // only the keys a fixture can name take part, so extra detail in the engine's record is allowed
  const pick = (value: unknown): unknown =>
    isRecord(value) ? Object.fromEntries(keys.map((key) => [key, value[key]])) : value;
  const picked = actual.map(pick);
  const have = new Set(picked.map(showValue));
  const absent = (expected ?? []).filter((item) => !have.has(showValue(pick(item))));
  return absent.length === 0 ? [] : [containing(at, absent, picked)];
}

function containing(at: string, absent: unknown[], actual: unknown[]): FixtureMismatch {
  return { at, expected: `to contain ${showValue(absent)}`, actual: showValue(actual) };
}
