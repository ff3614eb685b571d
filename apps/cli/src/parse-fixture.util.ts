import {
  DETECTION_EVENT_TYPE,
  validateDetectionEvent,
  type CameraRecord,
  type DetectionData,
  type ValidationIssue,
} from '@lib/contracts';
import type { FixtureExpectation, PolicyFixture } from './policy-fixture';
import { isRecord } from './value-at-path.util';

export type FixtureParse = { ok: true; fixture: PolicyFixture } | { ok: false; problems: string[] };

const FIXTURE_KEYS = ['name', 'description', 'event', 'camera', 'expect'];
const EXPECT_KEYS = [
  'verdict',
  'purposes',
  'reasonCodes',
  'humanReview',
  'alerts',
  'findings',
  'droppedPaths',
  'transforms',
];
const ALERT_KEYS = ['purpose', 'data', 'absentPaths', 'redaction'];
const VERDICTS = ['forward', 'suppress'];
const HUMAN_REVIEW = ['none', 'required', 'two-person'];
const CAMERA_STRINGS = ['cameraId', 'name', 'district', 'siteId', 'zoneType'] as const;

/**
 * Checks one parsed fixture file and returns it typed, or every problem found. Unknown keys are
 * problems: a misspelt expectation (`reasoncodes`) would otherwise be skipped and always pass.
 * The event must be one the governor would accept: it is checked against the contracts schema.
 */
export function parseFixture(value: unknown): FixtureParse {
  const problems: string[] = [];
  if (!isRecord(value)) {
    return { ok: false, problems: [problem('', 'debe ser un objeto', 'must be an object')] };
  }
  unknownKeys(value, FIXTURE_KEYS, '', problems);
  requireString(value, 'name', '', problems);
  if (value.description !== undefined) {
    requireString(value, 'description', '', problems);
  }
  const event = fixtureEvent(value.event, problems);
  checkCamera(value.camera, problems);
  checkExpect(value.expect, problems);
  if (problems.length > 0 || event === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    fixture: {
      name: value.name as string,
      ...(value.description === undefined ? {} : { description: value.description as string }),
      event,
      camera: value.camera as CameraRecord | null,
      expect: value.expect as FixtureExpectation,
    },
  };
}

/** A full CloudEvents envelope is checked as it is; bare data is checked inside a built one. */
function fixtureEvent(value: unknown, problems: string[]): DetectionData | undefined {
  if (!isRecord(value)) {
    problems.push(problem('event', 'falta o no es un objeto', 'missing or not an object'));
    return undefined;
  }
  const isEnvelope = Object.hasOwn(value, 'specversion');
  const issues = isEnvelope
    ? validateDetectionEvent(value)
    : validateDetectionEvent(envelopeFor(value)).filter((i) => i.path.startsWith('/data'));
  problems.push(...issues.map((i) => eventProblem(i, isEnvelope)));
  if (issues.length > 0) {
    return undefined;
  }
  return (isEnvelope ? value.data : value) as DetectionData;
}

function envelopeFor(data: Record<string, unknown>): Record<string, unknown> {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    specversion: '1.0',
    id: text(data.eventId, 'fixture'),
    source: `urn:site:${text(data.siteId, 'fixture')}:camera:${text(data.cameraId, 'fixture')}`,
    type: DETECTION_EVENT_TYPE,
    time: text(data.occurredAt, '1970-01-01T00:00:00Z'),
    data,
  };
}

function eventProblem(issue: ValidationIssue, isEnvelope: boolean): string {
  const pointer = isEnvelope ? issue.path : issue.path.slice('/data'.length);
  const at = `event${pointer.replaceAll('/', '.')}`;
  return `${at}: ${issue.code} — ${issue.message}`;
}

function checkCamera(value: unknown, problems: string[]): void {
  if (value === null) {
    return;
  }
  if (!isRecord(value)) {
    problems.push(
      problem('camera', 'debe ser un registro de cámara o null', 'must be a camera record or null'),
    );
    return;
  }
  for (const key of CAMERA_STRINGS) {
    requireString(value, key, 'camera', problems);
  }
  requireStrings(value, 'allowedPurposes', 'camera', problems, { required: true });
  requireStrings(value, 'tags', 'camera', problems, { required: false });
}

function checkExpect(value: unknown, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(problem('expect', 'falta o no es un objeto', 'missing or not an object'));
    return;
  }
  unknownKeys(value, EXPECT_KEYS, 'expect', problems);
  oneOf(value, 'verdict', VERDICTS, problems, { required: true });
  oneOf(value, 'humanReview', HUMAN_REVIEW, problems, { required: false });
  for (const key of ['purposes', 'reasonCodes', 'droppedPaths']) {
    requireStrings(value, key, 'expect', problems, { required: false });
  }
  records(value, 'findings', problems, (item, at) => {
    unknownKeys(item, ['code', 'path'], at, problems);
    requireString(item, 'code', at, problems);
    requireString(item, 'path', at, problems);
  });
  records(value, 'transforms', problems, (item, at) => {
    unknownKeys(item, ['purpose', 'path', 'transform'], at, problems);
    for (const key of ['purpose', 'path', 'transform']) {
      requireString(item, key, at, problems);
    }
  });
  records(value, 'alerts', problems, (item, at) => {
    unknownKeys(item, ALERT_KEYS, at, problems);
    requireString(item, 'purpose', at, problems);
    if (item.data !== undefined && !isRecord(item.data)) {
      problems.push(problem(`${at}.data`, 'debe ser un objeto', 'must be an object'));
    }
    requireStrings(item, 'absentPaths', at, problems, { required: false });
    requireStrings(item, 'redaction', at, problems, { required: false });
  });
}

function records(
  parent: Record<string, unknown>,
  key: string,
  problems: string[],
  check: (item: Record<string, unknown>, at: string) => void,
): void {
  const list = parent[key];
  if (list === undefined) {
    return;
  }
  if (!Array.isArray(list)) {
    problems.push(problem(`expect.${key}`, 'debe ser una lista', 'must be a list'));
    return;
  }
  list.forEach((item: unknown, index) => {
    const at = `expect.${key}[${index}]`;
    if (isRecord(item)) {
      check(item, at);
    } else {
      problems.push(problem(at, 'debe ser un objeto', 'must be an object'));
    }
  });
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: string[],
  at: string,
  problems: string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push(
        problem(
          join(at, key),
          `clave desconocida (válidas: ${allowed.join(', ')})`,
          `unknown key (allowed: ${allowed.join(', ')})`,
        ),
      );
    }
  }
}

function requireString(
  value: Record<string, unknown>,
  key: string,
  at: string,
  problems: string[],
): void {
  if (typeof value[key] !== 'string' || value[key] === '') {
    problems.push(
      problem(join(at, key), 'debe ser un texto no vacío', 'must be a non-empty string'),
    );
  }
}

function requireStrings(
  value: Record<string, unknown>,
  key: string,
  at: string,
  problems: string[],
  { required }: { required: boolean },
): void {
  const list = value[key];
  if (list === undefined && !required) {
    return;
  }
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    problems.push(
      problem(join(at, key), 'debe ser una lista de textos', 'must be a list of strings'),
    );
  }
}

function oneOf(
  value: Record<string, unknown>,
  key: string,
  allowed: string[],
  problems: string[],
  { required }: { required: boolean },
): void {
  const item = value[key];
  if (item === undefined && !required) {
    return;
  }
  if (typeof item !== 'string' || !allowed.includes(item)) {
    const list = allowed.join(' | ');
    problems.push(problem(`expect.${key}`, `debe ser ${list}`, `must be ${list}`));
  }
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

function problem(at: string, es: string, en: string): string {
  return `${at === '' ? '(fixture)' : at}: ${es} / ${en}`;
}
