import type { AlertV1, DecisionRecordV1, DetectionData, PolicyRef, Reason } from '@lib/contracts';
import { uncarriedSubtrees } from '@lib/redaction';
import type { CompiledPurpose } from './compiled-purpose';

// Every record below is an object literal in the contract's key order, and every list is sorted
// or built in sorted purpose order: JSON.stringify then yields the same bytes for the same input.

export function suppressDecision(args: {
  event: DetectionData;
  policy: PolicyRef | null;
  reasons: Reason[];
  retentionClass: string | null;
}): DecisionRecordV1 {
  const { event } = args;
  return {
    schema: 'tamiz.decision.v1',
    decisionId: decisionId(event),
    eventId: event.eventId,
    cameraId: event.cameraId,
    occurredAt: event.occurredAt,
    analyticType: event.analyticType,
    verdict: 'suppress',
    purposes: [],
    ruleIds: ['fail-closed'],
    reasons: args.reasons,
    // nothing left: every top-level field that holds data was dropped whole
    droppedPaths: uncarriedSubtrees(event, []),
    transforms: [],
    policy: copyRef(args.policy),
    humanReview: 'none',
    retentionClass: args.retentionClass,
    findings: [],
  };
}

export function forwardDecision(args: {
  event: DetectionData;
  policy: PolicyRef;
  matched: ReadonlyArray<{ purpose: CompiledPurpose; alert: AlertV1 }>;
  reasons: Reason[];
  humanReview: AlertV1['humanReview'];
  retentionClass: string;
}): DecisionRecordV1 {
  const { event, matched } = args;
  return {
    schema: 'tamiz.decision.v1',
    decisionId: decisionId(event),
    eventId: event.eventId,
    cameraId: event.cameraId,
    occurredAt: event.occurredAt,
    analyticType: event.analyticType,
    verdict: 'forward',
    purposes: matched.map((m) => m.purpose.id),
    ruleIds: matched.map((m) => `purpose:${m.purpose.id}`),
    reasons: args.reasons,
    droppedPaths: droppedPaths({ event, alerts: matched.map((m) => m.alert) }),
    transforms: transforms(matched),
    policy: copyRef(args.policy),
    humanReview: args.humanReview,
    retentionClass: args.retentionClass,
    findings: [],
  };
}

export function buildAlert(args: {
  event: DetectionData;
  policy: PolicyRef;
  purpose: CompiledPurpose;
}): AlertV1 {
  const { event, purpose } = args;
  return {
    schema: 'tamiz.alert.v1',
    alertId: `${event.eventId}:${purpose.id}`,
    eventId: event.eventId,
    purpose: purpose.id,
    title: { es: purpose.title.es, en: purpose.title.en },
    priority: purpose.priority,
    recipients: [...purpose.recipients],
    humanReview: purpose.humanReview,
    label: 'recommendation',
    policy: copyRef(args.policy),
    data: purpose.project(event),
  };
}

// Same event, same id: a replay or a redelivery produces the same record, never a second one.
function decisionId(event: DetectionData): string {
  return `dec:${event.eventId}`;
}

function copyRef<T extends PolicyRef | null>(ref: T): T {
  return (ref === null ? null : { id: ref.id, version: ref.version, hash: ref.hash }) as T;
}

/**
 * The largest parts of the event that no alert carries (`vendor`, `attributes.person.gender`).
 * Computed from the alerts themselves rather than from the policy, so it can never disagree with
 * what actually left.
 */
function droppedPaths(args: { event: DetectionData; alerts: readonly AlertV1[] }): string[] {
  return uncarriedSubtrees(
    args.event,
    args.alerts.map((alert) => alert.data),
  );
}

function transforms(
  matched: ReadonlyArray<{ purpose: CompiledPurpose; alert: AlertV1 }>,
): DecisionRecordV1['transforms'] {
  const out: DecisionRecordV1['transforms'] = [];
  for (const { purpose, alert } of matched) {
    for (const field of purpose.fields) {
      // only paths the alert actually carries: a listed path absent from the event was not kept
      if (hasPath(alert.data, field.segments)) {
        out.push({ purpose: purpose.id, path: field.path, transform: 'keep' });
      }
    }
  }
  return out;
}

function hasPath(data: Partial<DetectionData>, segments: readonly string[]): boolean {
  let node: unknown = data;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) {
      return false;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}
