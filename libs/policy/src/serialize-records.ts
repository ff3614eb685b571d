import type { AlertV1, DecisionRecordV1, Finding, PolicyRef, Reason } from '@lib/contracts';

/*
 * Canonical serialisation of decisions and alerts: the same record gives the same bytes on any
 * machine, any day, whatever order its keys were built in.
 *
 * - Envelope members are written in the contract's declared order (DecisionRecordV1, AlertV1 and
 *   their nested records), by construction; optional members (a reason's citation, an alert's
 *   redaction) are left out when undefined. Lists keep their order: the engine sorts them.
 * - An alert's `data` is written with object keys sorted by UTF-16 code unit at every level.
 * - Strings and numbers are written as JSON.stringify writes them (ECMAScript's shortest
 *   round-trip number form; lone surrogates escaped); no whitespace anywhere.
 *
 * For JSON data this matches RFC 8785 wherever keys are sorted. Frozen constant parts (reasons,
 * titles, recipients, transform entries, findings, the policy reference, interned lists) are
 * serialised once and their JSON reused by identity: being frozen, they cannot have changed.
 */

const memo = new WeakMap<object, string>();

function memoised<T extends object>(value: T, write: (value: T) => string): string {
  const known = memo.get(value);
  if (known !== undefined) {
    return known;
  }
  const json = write(value);
  // only a frozen value is remembered: its content can no longer change
  if (Object.isFrozen(value)) {
    memo.set(value, json);
  }
  return json;
}

// Alerts the engine built: frozen, their constant members (purpose to redaction) written once
// per purpose, and their data's keys sorted at every level by construction, so JSON.stringify
// writes the data canonically, faster than sorting it again (data is not edited after the
// engine returns it). Any other alert takes the general path and has its data sorted.
const engineAlerts = new WeakMap<AlertV1, string>();

/** The members from `purpose` to `redaction`, as serializeAlert writes them. */
export function alertHeadJson(alert: AlertV1): string {
  const redaction =
    alert.redaction === undefined
      ? ''
      : ',"redaction":' + memoised(alert.redaction, writeRedaction);
  return (
    ',"purpose":' +
    word(alert.purpose) +
    ',"title":' +
    memoised(alert.title, writeTitle) +
    ',"priority":' +
    word(alert.priority) +
    ',"recipients":' +
    memoised(alert.recipients, strings) +
    ',"humanReview":' +
    word(alert.humanReview) +
    ',"label":' +
    word(alert.label) +
    ',"policy":' +
    memoised(alert.policy, writeRef) +
    redaction
  );
}

/**
 * Freezes an engine-built alert whose data has its keys sorted at every level, and records its
 * constant members' JSON (`alertHeadJson` of an equal alert); returns the alert.
 */
export function markEngineAlert(alert: AlertV1, head: string): AlertV1 {
  engineAlerts.set(Object.freeze(alert), head);
  return alert;
}

// The event id is written by the decision and again by each alert of one event.
let lastText = '';
let lastJson = '""';

/** A JSON string: quotes around the value unless a character needs escaping. */
function text(value: string): string {
  if (value === lastText) {
    return lastJson;
  }
  let json = `"${value}"`;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // controls, quote, backslash and surrogates (a lone one is escaped): JSON.stringify decides
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      json = JSON.stringify(value);
      break;
    }
  }
  lastText = value;
  lastJson = json;
  return json;
}

// Vocabulary (schema names, verdicts, camera ids, analytic types, retention classes) repeats
// from record to record: its JSON is looked up rather than rebuilt.
const WORD_LIMIT = 4096;
const words = new Map<string, string>();

function word(value: string): string {
  let json = words.get(value);
  if (json === undefined) {
    json = text(value);
    if (words.size >= WORD_LIMIT) {
      words.clear();
    }
    words.set(value, json);
  }
  return json;
}

function wordList(values: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    out += (i === 0 ? '' : ',') + word(values[i]);
  }
  return `${out}]`;
}

function strings(values: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    out += (i === 0 ? '' : ',') + text(values[i]);
  }
  return `${out}]`;
}

function list<T extends object>(values: readonly T[], write: (value: T) => string): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    out += (i === 0 ? '' : ',') + memoised(values[i], write);
  }
  return `${out}]`;
}

function writeReason(reason: Reason): string {
  const head = `{"code":${text(reason.code)},"es":${text(reason.es)},"en":${text(reason.en)}`;
  return reason.citation === undefined
    ? `${head}}`
    : `${head},"citation":${text(reason.citation)}}`;
}

function writeTransform(entry: DecisionRecordV1['transforms'][number]): string {
  return `{"purpose":${text(entry.purpose)},"path":${text(entry.path)},"transform":${text(entry.transform)}}`;
}

function writeFinding(finding: Finding): string {
  return `{"code":${text(finding.code)},"path":${text(finding.path)},"citation":${text(finding.citation)}}`;
}

function writeRef(ref: PolicyRef): string {
  return `{"id":${text(ref.id)},"version":${text(ref.version)},"hash":${text(ref.hash)}}`;
}

const writeTitle = (title: AlertV1['title']): string =>
  `{"es":${text(title.es)},"en":${text(title.en)}}`;

// module-level, so a call allocates no closure
const writeReasons = (reasons: readonly Reason[]): string => list(reasons, writeReason);
const writeTransforms = (entries: DecisionRecordV1['transforms']): string =>
  list(entries, writeTransform);
const writeFindings = (findings: readonly Finding[]): string => list(findings, writeFinding);
const writeRedaction = (redaction: NonNullable<AlertV1['redaction']>): string =>
  `{"regions":${strings(redaction.regions)}}`;

/** A decision record in canonical form (see the top of this file). */
export function serializeDecision(decision: DecisionRecordV1): string {
  // plain concatenation: cheaper than template literals on this path, which runs per event
  return (
    '{"schema":' +
    word(decision.schema) +
    ',"decisionId":' +
    text(decision.decisionId) +
    ',"eventId":' +
    text(decision.eventId) +
    ',"cameraId":' +
    word(decision.cameraId) +
    ',"occurredAt":' +
    text(decision.occurredAt) +
    ',"analyticType":' +
    word(decision.analyticType) +
    ',"verdict":' +
    word(decision.verdict) +
    ',"purposes":' +
    memoised(decision.purposes, wordList) +
    ',"ruleIds":' +
    memoised(decision.ruleIds, wordList) +
    ',"reasons":' +
    memoised(decision.reasons, writeReasons) +
    ',"droppedPaths":' +
    memoised(decision.droppedPaths, strings) +
    ',"transforms":' +
    memoised(decision.transforms, writeTransforms) +
    ',"policy":' +
    (decision.policy === null ? 'null' : memoised(decision.policy, writeRef)) +
    ',"humanReview":' +
    word(decision.humanReview) +
    ',"retentionClass":' +
    (decision.retentionClass === null ? 'null' : word(decision.retentionClass)) +
    ',"findings":' +
    memoised(decision.findings, writeFindings) +
    '}'
  );
}

/** An alert in canonical form (see the top of this file). */
export function serializeAlert(alert: AlertV1): string {
  const head = engineAlerts.get(alert);
  if (head !== undefined) {
    return (
      '{"schema":' +
      word(alert.schema) +
      ',"alertId":' +
      text(alert.alertId) +
      ',"eventId":' +
      text(alert.eventId) +
      head +
      ',"data":' +
      JSON.stringify(alert.data) +
      '}'
    );
  }
  return (
    '{"schema":' +
    word(alert.schema) +
    ',"alertId":' +
    text(alert.alertId) +
    ',"eventId":' +
    text(alert.eventId) +
    alertHeadJson(alert) +
    ',"data":' +
    sortedJson(alert.data) +
    '}'
  );
}

/**
 * JSON with object keys sorted by UTF-16 code unit at every level, members that are undefined
 * (or functions) left out as JSON.stringify leaves them, and non-finite numbers written as null.
 */
export function sortedJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return text(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (value === null) {
        return 'null';
      }
      return Array.isArray(value) ? sortedArray(value) : sortedObject(value);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`sortedJson: ${typeof value} is not JSON data`);
  }
}

function sortedArray(values: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    const item = values[i];
    const json = item === undefined || typeof item === 'function' ? 'null' : sortedJson(item);
    out += (i === 0 ? '' : ',') + json;
  }
  return `${out}]`;
}

function sortedObject(value: object): string {
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // objects are small: an insertion sort beats Array.prototype.sort, and is a no-op pass when
  // the keys are already in order
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') {
      continue;
    }
    out += `${first ? '' : ','}${text(key)}:${sortedJson(member)}`;
    first = false;
  }
  return `${out}}`;
}
