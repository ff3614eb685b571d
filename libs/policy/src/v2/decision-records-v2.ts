import type {
  AlertV1,
  DecisionRecordV1,
  DetectionData,
  Finding,
  PolicyRef,
  Reason,
} from '@lib/contracts';
import { HUMAN_REVIEW_LEVELS, type HumanReview } from '../policy-document';
import { alertHeadJson, markEngineAlert } from '../serialize-records';
import type { CompiledPurposeV2 } from './compiled-purpose-v2';
import { droppedPaths, topLevelPaths } from './event-paths';
import type { PlanOutput, TransformRecord } from './field-plan';
import { listInterner } from './interning';
import { SUPPRESSED_RETENTION_CLASS } from './policy-document-v2';

// Records are object literals in the contract's key order. Their lists are interned frozen
// arrays of shared frozen parts (reasons, transform entries, path strings): the same event gives
// the same bytes, and serializeDecision writes each distinct list's JSON once.

/** A purpose that matched the event, with what its plan made of it. */
export interface Match {
  purpose: CompiledPurposeV2;
  /** The authorisation it relied on, if it needed one. */
  authorisation: { ruleId: string } | null;
  output: PlanOutput;
}

const internReasons = listInterner<Reason>();
const internStrings = listInterner<string>();
const internTransforms = listInterner<TransformRecord>();
const FAIL_CLOSED = internStrings(['fail-closed']);
// frozen: a record's lists are never edited after the engine built them
const NONE = Object.freeze([]) as unknown as never[];

export function suppressDecisionV2(args: {
  event: DetectionData;
  policy: PolicyRef;
  reasons: readonly Reason[];
  findings: readonly Finding[];
}): DecisionRecordV1 {
  const { event } = args;
  return {
    schema: 'tamiz.decision.v1',
    decisionId: `dec:${event.eventId}`,
    eventId: event.eventId,
    cameraId: event.cameraId,
    occurredAt: event.occurredAt,
    analyticType: event.analyticType,
    verdict: 'suppress',
    purposes: NONE,
    ruleIds: FAIL_CLOSED as string[],
    reasons: internReasons(args.reasons) as Reason[],
    // no alert left, so each top-level field is a maximal dropped subtree
    droppedPaths: topLevelPaths(event) as string[],
    transforms: NONE,
    policy: args.policy,
    humanReview: 'none',
    retentionClass: SUPPRESSED_RETENTION_CLASS,
    findings: args.findings as Finding[],
  };
}

export function forwardDecisionV2(args: {
  event: DetectionData;
  policy: PolicyRef;
  matches: readonly Match[];
  reasons: readonly Reason[];
  findings: readonly Finding[];
}): DecisionRecordV1 {
  const { event, matches } = args;
  const purposes: string[] = [];
  const ruleIds: string[] = [];
  const datas: Array<Readonly<Record<string, unknown>>> = [];
  let transforms: readonly TransformRecord[] = matches[0].output.carried;
  let review = 0;
  let retention = matches[0].purpose;
  for (let i = 0; i < matches.length; i++) {
    const { purpose, authorisation, output } = matches[i];
    purposes.push(purpose.id);
    ruleIds.push(purpose.ruleId);
    if (authorisation !== null) {
      ruleIds.push(authorisation.ruleId);
    }
    datas.push(output.data);
    if (i > 0) {
      transforms = internTransforms([...transforms, ...output.carried]);
    }
    review = Math.max(review, HUMAN_REVIEW_LEVELS.indexOf(effectiveReview(matches[i])));
    // the decision explains every alert, so it is kept as long as the longest-kept of them
    if (purpose.retentionMs > retention.retentionMs) {
      retention = purpose;
    }
  }
  return {
    schema: 'tamiz.decision.v1',
    decisionId: `dec:${event.eventId}`,
    eventId: event.eventId,
    cameraId: event.cameraId,
    occurredAt: event.occurredAt,
    analyticType: event.analyticType,
    verdict: 'forward',
    purposes: internStrings(purposes) as string[],
    ruleIds: internStrings(ruleIds) as string[],
    reasons: internReasons(args.reasons) as Reason[],
    droppedPaths: droppedPaths({ event, datas }) as string[],
    transforms: transforms as TransformRecord[],
    policy: args.policy,
    humanReview: HUMAN_REVIEW_LEVELS[review],
    retentionClass: retention.retentionClass,
    findings: args.findings as Finding[],
  };
}

export function alertV2(args: { event: DetectionData; policy: PolicyRef; match: Match }): AlertV1 {
  const { event, match } = args;
  const { purpose, output } = match;
  const humanReview = effectiveReview(match);
  const alert: AlertV1 =
    output.redaction === null
      ? {
          schema: 'tamiz.alert.v1',
          alertId: `${event.eventId}:${purpose.id}`,
          eventId: event.eventId,
          purpose: purpose.id,
          title: purpose.title,
          priority: purpose.priority,
          recipients: purpose.recipients as string[],
          humanReview,
          label: 'recommendation',
          policy: args.policy,
          data: output.data,
        }
      : {
          schema: 'tamiz.alert.v1',
          alertId: `${event.eventId}:${purpose.id}`,
          eventId: event.eventId,
          purpose: purpose.id,
          title: purpose.title,
          priority: purpose.priority,
          recipients: purpose.recipients as string[],
          humanReview,
          label: 'recommendation',
          policy: args.policy,
          redaction: output.redaction as AlertV1['redaction'],
          data: output.data,
        };
  if (!output.canonicalOrder) {
    // integer-like keys reorder the data object: serializeAlert sorts it on the general path
    return alert;
  }
  // the constant members depend on the review level and on whether a redaction is attached
  const variant =
    HUMAN_REVIEW_LEVELS.indexOf(humanReview) * 2 + (output.redaction === null ? 0 : 1);
  const head = (purpose.alertHeads[variant] ??= alertHeadJson(alert));
  return markEngineAlert(alert, head);
}

/** An identification relying on an authorisation is verified by two people (AIA art. 14(5)). */
function effectiveReview(match: Match): HumanReview {
  return match.authorisation !== null ? 'two-person' : match.purpose.humanReview;
}
