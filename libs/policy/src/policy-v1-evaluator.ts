import type { AlertV1, PolicyRef, Reason } from '@lib/contracts';
import { compilePurpose, purposeRefusals, type CompiledPurpose } from './compiled-purpose';
import { buildAlert, forwardDecision, suppressDecision } from './decision-records';
import { HUMAN_REVIEW_LEVELS, type HumanReview, type PolicyDocumentV1 } from './policy-document';
import type { Evaluation, EvaluationInput, PolicyEvaluator } from './policy-evaluator';
import { reasons } from './reasons';

/** The retention class a decision names, a key of the policy's `retention` block. */
const RETENTION_SUPPRESSED = 'metadata';
const RETENTION_FORWARDED = 'alerts';

/**
 * Policy v1 semantics: an event is forwarded for every purpose that lists its analytic type, that
 * its camera is registered for, and whose zone, object-class and confidence conditions hold; one
 * alert per such purpose, each carrying only that purpose's fields. Anything else is suppressed
 * with the reasons why.
 */
export function createPolicyV1Evaluator(args: {
  document: PolicyDocumentV1;
  ref: PolicyRef;
}): PolicyEvaluator {
  const ref: PolicyRef = Object.freeze({ ...args.ref });
  const byAnalytic = indexByAnalytic(args.document);
  const evaluator: PolicyEvaluator = Object.freeze({
    policy: ref,
    evaluate: (input: EvaluationInput) => evaluate({ input, ref, byAnalytic }),
    // v1 has no authorisation register: a purpose that needs one never acts (fail closed)
    withRegisteredAuthorisations: () => evaluator,
  });
  return evaluator;
}

// Purposes sorted by id, so alerts, purposes, rule ids and reasons come out in one fixed order.
function indexByAnalytic(document: PolicyDocumentV1): ReadonlyMap<string, CompiledPurpose[]> {
  const index = new Map<string, CompiledPurpose[]>();
  const sorted = [...document.purposes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const purpose of sorted) {
    const compiled = compilePurpose(purpose);
    for (const analytic of purpose.analytics) {
      index.set(analytic, [...(index.get(analytic) ?? []), compiled]);
    }
  }
  return index;
}

function evaluate(args: {
  input: EvaluationInput;
  ref: PolicyRef;
  byAnalytic: ReadonlyMap<string, CompiledPurpose[]>;
}): Evaluation {
  const { input, ref } = args;
  const { event, camera } = input;
  const suppress = (why: Reason[]): Evaluation => ({
    decision: suppressDecision({
      event,
      policy: ref,
      reasons: why,
      retentionClass: RETENTION_SUPPRESSED,
    }),
    alerts: [],
  });
  if (camera === null) {
    return suppress([reasons.cameraUnknown(event.cameraId)]);
  }
  if (camera.cameraId !== event.cameraId) {
    return suppress([reasons.cameraMismatch({ eventCameraId: event.cameraId, camera })]);
  }
  const candidates = args.byAnalytic.get(event.analyticType);
  if (candidates === undefined) {
    return suppress([reasons.purposeNone(event.analyticType)]);
  }
  const why: Reason[] = [];
  const matched: Array<{ purpose: CompiledPurpose; alert: AlertV1 }> = [];
  for (const purpose of candidates) {
    const refusals = purposeRefusals({ purpose, event, camera });
    if (refusals.length > 0) {
      why.push(...refusals);
      continue;
    }
    why.push(
      reasons.purposeMatched({
        purposeId: purpose.id,
        title: purpose.title,
        legalBasis: purpose.legalBasis,
      }),
    );
    matched.push({ purpose, alert: buildAlert({ event, policy: ref, purpose }) });
  }
  if (matched.length === 0) {
    return suppress(why);
  }
  const decision = forwardDecision({
    event,
    policy: ref,
    matched,
    reasons: why,
    humanReview: strictest(matched.map((m) => m.purpose.humanReview)),
    retentionClass: RETENTION_FORWARDED,
  });
  return { decision, alerts: matched.map((m) => m.alert) };
}

function strictest(levels: readonly HumanReview[]): HumanReview {
  let rank = 0;
  for (const level of levels) {
    rank = Math.max(rank, HUMAN_REVIEW_LEVELS.indexOf(level));
  }
  return HUMAN_REVIEW_LEVELS[rank];
}
