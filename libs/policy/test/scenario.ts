import type { DetectionData } from '@lib/contracts';
import type { Evaluation } from '@lib/policy';
import { demoCamera, demoPolicy } from './demo-policy.fixture';

/** Evaluates one event under the demo policy; the camera is looked up by the event's cameraId. */
export function evaluateDemo(
  event: DetectionData,
  options: { unregistered?: boolean } = {},
): Evaluation {
  const camera = options.unregistered ? null : demoCamera(event.cameraId);
  return demoPolicy().evaluate({ event, camera });
}

export function reasonCodes(evaluation: Evaluation): string[] {
  return evaluation.decision.reasons.map((r) => r.code);
}
