import {
  parseDetection,
  type CameraRecord,
  type DecisionRecordV1,
  type PolicyRef,
} from '@lib/contracts';
import type { PolicyEvaluator } from '../policy-evaluator';

/** Outcome counts of one policy over the replayed events. */
export interface ImpactTally {
  forwarded: number;
  suppressed: number;
  /** Alerts per purpose. */
  alertsByPurpose: Record<string, number>;
  /** Per analytic type: forwarded and suppressed events. */
  byAnalyticType: Record<string, { forwarded: number; suppressed: number }>;
  /** Suppressed events per first reason code. */
  suppressedByReason: Record<string, number>;
}

/** A (purpose, path) the candidate lets out that the active policy did not, or let out weaker. */
export interface NewlyExposedField {
  purpose: string;
  path: string;
  /** The candidate's transform on the path; `activeTransform` is null when the path was not out. */
  transform: string;
  activeTransform: string | null;
  events: number;
}

/** One changed decision, minimised: identifiers, verdicts, purposes and codes; never values. */
export interface ChangedDecision {
  eventId: string;
  cameraId: string;
  analyticType: string;
  active: DecisionSummary;
  candidate: DecisionSummary;
}

export interface DecisionSummary {
  verdict: DecisionRecordV1['verdict'];
  purposes: string[];
  reasons: string[];
}

export interface ImpactReport {
  candidate: PolicyRef | null;
  active: PolicyRef | null;
  /** Records read, records that were not valid detections (skipped), events decided. */
  records: number;
  invalid: number;
  events: number;
  /** Events whose verdict or purposes differ. */
  changed: number;
  tallies: { active: ImpactTally; candidate: ImpactTally };
  newlyExposed: NewlyExposedField[];
  sample: ChangedDecision[];
}

/**
 * Replays raw detections under a candidate policy and the active one, side by side, and tells a
 * DPO what the change would do. It only computes: whatever reads the records emits nothing.
 * Feed it with `add()` in input order, then `report()`.
 */
export class ImpactSimulation {
  private records = 0;
  private invalid = 0;
  private events = 0;
  private changed = 0;
  private readonly tallies = { active: emptyTally(), candidate: emptyTally() };
  private readonly activeOut = new Set<string>();
  private readonly candidateOut = new Map<string, number>();
  private readonly sample: ChangedDecision[] = [];

  constructor(
    private readonly args: {
      candidate: PolicyEvaluator;
      active: PolicyEvaluator;
      camera: (cameraId: string) => CameraRecord | null;
      maxEventBytes?: number;
      sampleSize?: number;
    },
  ) {}

  add(raw: Buffer): void {
    this.records += 1;
    const parsed = parseDetection(raw, { maxBytes: this.args.maxEventBytes ?? 1_048_576 });
    if (!parsed.ok) {
      this.invalid += 1;
      return;
    }
    this.events += 1;
    const event = parsed.event.data;
    const camera = this.args.camera(event.cameraId);
    const active = this.args.active.evaluate({ event, camera }).decision;
    const candidate = this.args.candidate.evaluate({ event, camera }).decision;
    count(this.tallies.active, active);
    count(this.tallies.candidate, candidate);
    this.compareExposure(active, candidate);
    if (
      active.verdict !== candidate.verdict ||
      active.purposes.join('\u0000') !== candidate.purposes.join('\u0000')
    ) {
      this.changed += 1;
      if (this.sample.length < (this.args.sampleSize ?? 20)) {
        this.sample.push({
          eventId: event.eventId,
          cameraId: event.cameraId,
          analyticType: event.analyticType,
          active: summary(active),
          candidate: summary(candidate),
        });
      }
    }
  }

  report(): ImpactReport {
    return {
      candidate: this.args.candidate.policy,
      active: this.args.active.policy,
      records: this.records,
      invalid: this.invalid,
      events: this.events,
      changed: this.changed,
      tallies: this.tallies,
      newlyExposed: this.newlyExposed(),
      sample: this.sample,
    };
  }

  /** Records which (purpose, path, transform) each policy let out, over the whole replay. */
  private compareExposure(active: DecisionRecordV1, candidate: DecisionRecordV1): void {
    for (const t of active.transforms) {
      this.activeOut.add(`${t.purpose}\u0000${t.path}\u0000${t.transform}`);
    }
    for (const t of candidate.transforms) {
      const key = `${t.purpose}\u0000${t.path}\u0000${t.transform}`;
      this.candidateOut.set(key, (this.candidateOut.get(key) ?? 0) + 1);
    }
  }

  /**
   * What the candidate lets out that the active policy never did during the replay: a path of a
   * purpose it never exposed, or exposed under another transform (e.g. `keep` where it masked).
   */
  private newlyExposed(): NewlyExposedField[] {
    const activeByPath = new Map<string, string>();
    for (const key of this.activeOut) {
      const [purpose, path, transform] = key.split('\u0000');
      activeByPath.set(`${purpose}\u0000${path}`, transform);
    }
    const out: NewlyExposedField[] = [];
    for (const [key, events] of this.candidateOut) {
      if (this.activeOut.has(key)) {
        continue;
      }
      const [purpose, path, transform] = key.split('\u0000');
      out.push({
        purpose,
        path,
        transform,
        activeTransform: activeByPath.get(`${purpose}\u0000${path}`) ?? null,
        events,
      });
    }
    return out.sort((a, b) => a.purpose.localeCompare(b.purpose) || a.path.localeCompare(b.path));
  }
}

function emptyTally(): ImpactTally {
  return {
    forwarded: 0,
    suppressed: 0,
    alertsByPurpose: {},
    byAnalyticType: {},
    suppressedByReason: {},
  };
}

function count(tally: ImpactTally, decision: DecisionRecordV1): void {
  const type = (tally.byAnalyticType[decision.analyticType] ??= { forwarded: 0, suppressed: 0 });
  if (decision.verdict === 'forward') {
    tally.forwarded += 1;
    type.forwarded += 1;
    for (const purpose of decision.purposes) {
      tally.alertsByPurpose[purpose] = (tally.alertsByPurpose[purpose] ?? 0) + 1;
    }
  } else {
    tally.suppressed += 1;
    type.suppressed += 1;
    const reason = decision.reasons[0]?.code ?? 'unknown';
    tally.suppressedByReason[reason] = (tally.suppressedByReason[reason] ?? 0) + 1;
  }
}

function summary(decision: DecisionRecordV1): DecisionSummary {
  return {
    verdict: decision.verdict,
    purposes: decision.purposes,
    reasons: decision.reasons.map((r) => r.code),
  };
}
