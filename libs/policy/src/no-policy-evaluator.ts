import { suppressDecision } from './decision-records';
import type { EvaluationInput, PolicyEvaluator } from './policy-evaluator';
import { reasons } from './reasons';

/**
 * Fail closed (DESIGN invariant 1): until an approved policy is active, every event is suppressed
 * and its decision says so. No policy means no retention class to name, so it is null.
 */
export function noPolicyEvaluator(): PolicyEvaluator {
  const evaluator: PolicyEvaluator = Object.freeze({
    policy: null,
    evaluate: ({ event }: EvaluationInput) => ({
      decision: suppressDecision({
        event,
        policy: null,
        reasons: [reasons.policyNone()],
        retentionClass: null,
      }),
      alerts: [],
    }),
    // without a policy no purpose exists for an authorisation to serve
    withRegisteredAuthorisations: () => evaluator,
  });
  return evaluator;
}
