import { isPlainObject } from '../leaf-paths';
import { parseRotation } from './rotation';
import {
  DURATION_PROBLEMS,
  EXPECTED,
  pointerToken,
  transformIssues as issue,
} from './transform-issues';
import { REDACT_REGIONS, type TransformIssue } from './transform-spec';

// Limits a DPO can reason about; beyond them a "generalisation" no longer generalises (a band of
// one year, a box grid of a thousand cells) or the output stops being readable.
export const LIMITS = {
  maskKeep: { min: 0, max: 64 },
  ageBand: { min: 2, max: 100 },
  minutes: { min: 1, max: 1440 },
  meters: { min: 10, max: 1_000_000 },
  boxGrid: { min: 1, max: 100 },
  edges: 100,
} as const;

const MASK_KEYS = ['keepFirst', 'keepLast', 'char'];
const PSEUDONYMIZE_KEYS = ['rotate'];
const GENERALIZE_KEYS = ['ageBand', 'minutes', 'meters', 'boxGrid'];
const BUCKET_KEYS = ['size', 'edges'];
const WITH_PARAMETERS: ReadonlySet<string> = new Set([
  'mask',
  'pseudonymize',
  'generalize',
  'bucket',
  'redact',
]);
// One code point outside Unicode's "Other" categories: no control, format, surrogate or unassigned.
const PRINTABLE_CHAR = /^\P{C}$/u;

type Report = (found: TransformIssue) => void;
/** Where a parameter block sits and how to report on it. */
interface Where {
  path: string;
  report: Report;
}

/**
 * Every problem with one field's transform spec, each with a JSON Pointer below `path` and a
 * message in Spanish and English; an empty list means `compileTransform` will accept it.
 */
export function validateTransformSpec(spec: unknown, path: string): TransformIssue[] {
  const issues: TransformIssue[] = [];
  const report: Report = (found) => issues.push(found);
  if (typeof spec === 'string') {
    if (spec !== 'keep' && spec !== 'drop') {
      report(
        WITH_PARAMETERS.has(spec)
          ? issue.missingParameter(path, EXPECTED.parametersFor(spec))
          : issue.unknownTransform(path, spec),
      );
    }
    return issues;
  }
  if (!isPlainObject(spec)) {
    return [issue.invalidType(path, EXPECTED.spec)];
  }
  const kinds = Object.keys(spec);
  if (kinds.length !== 1) {
    return [issue.oneTransformPerField(path, kinds.length)];
  }
  const kind = kinds[0];
  const at = `${path}/${pointerToken(kind)}`;
  const params = spec[kind];
  switch (kind) {
    case 'mask':
      validateMask(params, { path: at, report });
      break;
    case 'pseudonymize':
      validatePseudonymize(params, { path: at, report });
      break;
    case 'generalize':
      validateGeneralize(params, { path: at, report });
      break;
    case 'bucket':
      validateBucket(params, { path: at, report });
      break;
    case 'redact':
      validateRedact(params, { path: at, report });
      break;
    default:
      report(issue.unknownTransform(at, kind));
  }
  return issues;
}

/** The parameter object, after reporting any key it may not hold; undefined if not an object. */
function parameters(
  value: unknown,
  where: { path: string; allowed: readonly string[]; report: Report },
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    where.report(issue.invalidType(where.path, EXPECTED.object));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!where.allowed.includes(key)) {
      where.report(issue.unknownParameter(`${where.path}/${pointerToken(key)}`, where.allowed));
    }
  }
  return value;
}

function integerIssue(
  value: unknown,
  where: { path: string; range: { min: number; max: number } },
): TransformIssue | undefined {
  const { min, max } = where.range;
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : issue.invalidParameter(where.path, EXPECTED.integer(min, max));
}

/** Exactly one of `allowed` must be present; returns it, having reported any other case. */
function onlyOne(
  params: Record<string, unknown>,
  where: { path: string; allowed: readonly string[]; report: Report },
): string | undefined {
  const present = where.allowed.filter((key) => Object.hasOwn(params, key));
  if (present.length === 0) {
    where.report(issue.missingParameter(where.path, EXPECTED.oneOf(where.allowed)));
  } else if (present.length > 1) {
    where.report(issue.conflictingParameters(where.path, present));
  }
  return present.length === 1 ? present[0] : undefined;
}

function validateMask(value: unknown, { path, report }: Where): void {
  const params = parameters(value, { path, allowed: MASK_KEYS, report });
  if (params === undefined) {
    return;
  }
  for (const key of ['keepFirst', 'keepLast']) {
    if (params[key] !== undefined) {
      const found = integerIssue(params[key], { path: `${path}/${key}`, range: LIMITS.maskKeep });
      if (found) {
        report(found);
      }
    }
  }
  if (params.char !== undefined) {
    if (typeof params.char !== 'string' || !PRINTABLE_CHAR.test(params.char)) {
      report(issue.invalidParameter(`${path}/char`, EXPECTED.maskChar));
    }
  }
}

function validatePseudonymize(value: unknown, { path, report }: Where): void {
  const params = parameters(value, { path, allowed: PSEUDONYMIZE_KEYS, report });
  if (params === undefined) {
    return;
  }
  if (params.rotate === undefined) {
    report(issue.missingParameter(path, EXPECTED.rotate));
    return;
  }
  const at = `${path}/rotate`;
  const rotation = parseRotation(params.rotate);
  if (rotation.ok) {
    return;
  }
  switch (rotation.reason) {
    case 'syntax':
    case 'calendar':
    case 'zero':
      report(issue.invalidDuration(at, DURATION_PROBLEMS[rotation.reason]));
      break;
    case 'too_long':
      report(issue.rotationTooLong(at));
      break;
    case 'misaligned':
      report(issue.rotationMisaligned(at));
      break;
  }
}

const GENERALIZE_RANGES: Readonly<Record<string, { min: number; max: number }>> = {
  ageBand: LIMITS.ageBand,
  meters: LIMITS.meters,
  boxGrid: LIMITS.boxGrid,
};

function validateGeneralize(value: unknown, { path, report }: Where): void {
  const params = parameters(value, { path, allowed: GENERALIZE_KEYS, report });
  const key = params && onlyOne(params, { path, allowed: GENERALIZE_KEYS, report });
  if (params === undefined || key === undefined) {
    return;
  }
  const at = `${path}/${key}`;
  const amount = params[key];
  if (key === 'minutes') {
    // a divisor of a day, so every UTC midnight is a boundary and floors line up across days
    const outOfRange = integerIssue(amount, { path: at, range: LIMITS.minutes });
    if (outOfRange || LIMITS.minutes.max % (amount as number) !== 0) {
      report(issue.invalidParameter(at, EXPECTED.minutes));
    }
    return;
  }
  const found = integerIssue(amount, { path: at, range: GENERALIZE_RANGES[key] });
  if (found) {
    report(found);
  }
}

function validateBucket(value: unknown, { path, report }: Where): void {
  const params = parameters(value, { path, allowed: BUCKET_KEYS, report });
  const key = params && onlyOne(params, { path, allowed: BUCKET_KEYS, report });
  if (params === undefined || key === undefined) {
    return;
  }
  if (key === 'size') {
    const size = params.size;
    if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0) {
      report(issue.invalidParameter(`${path}/size`, EXPECTED.positive));
    }
    return;
  }
  validateEdges(params.edges, { path: `${path}/edges`, report });
}

function validateEdges(edges: unknown, { path, report }: Where): void {
  if (!Array.isArray(edges)) {
    report(issue.invalidType(path, EXPECTED.list));
    return;
  }
  if (edges.length === 0) {
    report(issue.empty(path));
    return;
  }
  if (edges.length > LIMITS.edges) {
    report(issue.invalidParameter(path, EXPECTED.atMost(LIMITS.edges)));
    return;
  }
  let previous = -Infinity;
  edges.forEach((edge: unknown, i) => {
    if (typeof edge !== 'number' || !Number.isFinite(edge)) {
      report(issue.invalidParameter(`${path}/${i}`, EXPECTED.number));
      return;
    }
    if (edge <= previous) {
      report(issue.edgesNotIncreasing(`${path}/${i}`));
    }
    previous = edge;
  });
}

function validateRedact(value: unknown, { path, report }: Where): void {
  if (!Array.isArray(value)) {
    report(issue.invalidType(path, EXPECTED.list));
    return;
  }
  if (value.length === 0) {
    report(issue.empty(path));
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((region: unknown, i) => {
    if (!(REDACT_REGIONS as readonly unknown[]).includes(region)) {
      report(issue.invalidParameter(`${path}/${i}`, EXPECTED.region));
    } else if (seen.has(region)) {
      report(issue.duplicateValue(`${path}/${i}`, region as string));
    }
    seen.add(region);
  });
}
