import type {
  AlertV1,
  CameraRecord,
  DecisionRecordV1,
  DetectionData,
  PolicyRef,
  RegisteredAuthorisationV1,
} from '@lib/contracts';

export interface EvaluationInput {
  event: DetectionData;
  /** The registry entry for `event.cameraId`, or null when the camera is not registered. */
  camera: CameraRecord | null;
}

export interface Evaluation {
  /** Exactly one per event, forwarded or not. */
  decision: DecisionRecordV1;
  /** One per matched purpose, each minimised for its purpose; empty when suppressed. */
  alerts: AlertV1[];
}

/**
 * The governor's only view of a policy. Implementations are pure and deterministic: the same input
 * under the same policy gives byte-identical JSON, and nothing reads a clock or random source.
 * A later engine (conditions, transforms, authorisations) replaces the implementation, not this.
 */
export interface PolicyEvaluator {
  /** The active policy, or null when none is approved (then every event is suppressed). */
  readonly policy: PolicyRef | null;
  evaluate(input: EvaluationInput): Evaluation;
  /**
   * The same compiled policy, deciding with the authorisations of its document and these (the
   * register policy-admin publishes), which replace any registered ones given before. Purposes
   * are not compiled again. A policy that cannot rely on authorisations (tamiz/v1, none) returns
   * itself.
   */
  withRegisteredAuthorisations(registered: readonly RegisteredAuthorisationV1[]): PolicyEvaluator;
}
