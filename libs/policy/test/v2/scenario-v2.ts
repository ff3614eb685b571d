import type { CameraRecord, DetectionData } from '@lib/contracts';
import {
  serializeAlert,
  serializeDecision,
  type Evaluation,
  type PolicyDocumentV2,
} from '@lib/policy';
import { pePolicy, pePolicyDoc, peCamera } from './pe-policy.fixture';

/** One event under the fixture policy (or a variant of it), at its camera from the fixture. */
export function evaluatePe(
  event: DetectionData,
  options: { doc?: PolicyDocumentV2; camera?: CameraRecord | null } = {},
): Evaluation & { bytes: string[] } {
  const camera = options.camera === undefined ? peCamera(event.cameraId) : options.camera;
  const evaluation = pePolicy(options.doc ?? pePolicyDoc()).evaluate({ event, camera });
  return {
    ...evaluation,
    bytes: [serializeDecision(evaluation.decision), ...evaluation.alerts.map(serializeAlert)],
  };
}

export function reasonCodes(evaluation: Evaluation): string[] {
  return evaluation.decision.reasons.map((reason) => reason.code);
}

/** Every dotted leaf-or-array path of a value, for "never holds" assertions. */
export function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return prefix === '' ? [] : [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}
