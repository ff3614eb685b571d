import type { CameraRecord, DetectionData, Reason } from '@lib/contracts';
import type { HumanReview, LocalisedText, Priority } from '../policy-document';
import type { EngineCitations } from './engine-citations';
import { compileCel, ConditionResult, type Condition } from './cel-condition';
import { compileFieldPlan, type FieldPlan } from './field-plan';
import { approximateDurationMs } from './iso-duration';
import { DEFAULT_RETENTION_CLASS, type PurposeV2 } from './policy-document-v2';
import { purposeReasons, type PurposeReasons } from './reasons-v2';
import { compileWindows, type WindowMatcher } from './time-windows';

/** A purpose prepared once per policy version: per event, only lookups and comparisons remain. */
export interface CompiledPurposeV2 {
  id: string;
  ruleId: string;
  title: LocalisedText;
  priority: Priority;
  recipients: readonly string[];
  humanReview: HumanReview;
  requiresAuthorization: boolean;
  retentionClass: string;
  /** For choosing the decision's class when several purposes match: the longest wins. */
  retentionMs: number;
  objectClasses: ReadonlySet<string> | null;
  cameraIds: ReadonlySet<string> | null;
  zones: ReadonlySet<string> | null;
  tags: ReadonlySet<string> | null;
  minConfidence: number | null;
  windows: WindowMatcher | null;
  condition: Condition | null;
  reasons: PurposeReasons;
  plan: FieldPlan;
  /**
   * JSON of an alert's constant members, per variant (review level × redaction attached or
   * not), written at the first such alert. Assumes one policy reference per compiled purpose.
   */
  alertHeads: Array<string | undefined>;
}

const set = (values: readonly string[] | undefined): ReadonlySet<string> | null =>
  values === undefined ? null : new Set(values);

export function compilePurposeV2(args: {
  purpose: PurposeV2;
  retention: Readonly<Record<string, string>>;
  defaultZone: string;
  citations: EngineCitations;
}): CompiledPurposeV2 {
  const { purpose, defaultZone } = args;
  const retentionClass = purpose.retentionClass ?? DEFAULT_RETENTION_CLASS;
  let condition: Condition | null = null;
  if (purpose.when !== undefined) {
    const compiled = compileCel(purpose.when);
    // validation refused any other outcome; an unusable condition must never match
    condition = compiled.ok ? compiled.condition : () => ConditionResult.Error;
  }
  return {
    id: purpose.id,
    ruleId: `purpose:${purpose.id}`,
    title: Object.freeze({ es: purpose.title.es, en: purpose.title.en }),
    priority: purpose.priority,
    recipients: Object.freeze([...purpose.recipients]),
    humanReview: purpose.humanReview,
    requiresAuthorization: purpose.requiresAuthorization === true,
    retentionClass,
    retentionMs: approximateDurationMs(args.retention[retentionClass] ?? ''),
    objectClasses: set(purpose.objectClasses),
    cameraIds: set(purpose.cameras?.ids),
    zones: set(purpose.cameras?.zones),
    tags: set(purpose.cameras?.tags),
    minConfidence: purpose.minConfidence ?? null,
    windows: purpose.windows ? compileWindows({ windows: purpose.windows, defaultZone }) : null,
    condition,
    reasons: purposeReasons({ purpose, defaultZone, citations: args.citations }),
    plan: compileFieldPlan({ purposeId: purpose.id, fields: purpose.fields }),
    alertHeads: [],
  };
}

/**
 * Pushes every reason the purpose's static conditions (registry, camera selector, object class,
 * confidence) give against this event; returns false when there was any. Windows, the condition
 * and the authorisation are only looked at once these hold.
 */
export function passesStaticConditions(args: {
  purpose: CompiledPurposeV2;
  event: DetectionData;
  camera: CameraRecord;
  why: Reason[];
}): boolean {
  const { purpose, event, camera, why } = args;
  const before = why.length;
  if (!camera.allowedPurposes.includes(purpose.id)) {
    why.push(purpose.reasons.cameraNotAllowed);
  }
  if (
    (purpose.cameraIds !== null && !purpose.cameraIds.has(camera.cameraId)) ||
    (purpose.tags !== null && !hasAny(purpose.tags, camera.tags))
  ) {
    why.push(purpose.reasons.cameraSelector);
  }
  if (purpose.zones !== null && !purpose.zones.has(camera.zoneType)) {
    why.push(purpose.reasons.zoneMismatch);
  }
  if (purpose.objectClasses !== null && !purpose.objectClasses.has(event.objectClass)) {
    why.push(purpose.reasons.objectClassMismatch);
  }
  // written so that a NaN confidence never passes
  if (purpose.minConfidence !== null && !(event.confidence >= purpose.minConfidence)) {
    why.push(purpose.reasons.confidenceBelowMin);
  }
  return why.length === before;
}

function hasAny(wanted: ReadonlySet<string>, tags: readonly string[] | undefined): boolean {
  if (tags === undefined) {
    return false;
  }
  for (const tag of tags) {
    if (wanted.has(tag)) {
      return true;
    }
  }
  return false;
}
