import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { CameraFactory } from '../test/factories/camera.factory';
import { noPolicyEvaluator } from './no-policy-evaluator';

describe('evaluate: no active approved policy', () => {
  beforeEach(() => resetFactoryIds());

  it('should suppress every event, even a lawful-looking one at a registered camera', () => {
    const evaluator = noPolicyEvaluator();
    const event = DetectionEventFactory.behaviour('fight', { cameraId: 'cam-si-001' }).data;
    const { decision, alerts } = evaluator.evaluate({ event, camera: CameraFactory.create() });
    expect(evaluator.policy).toBeNull();
    expect(alerts).toEqual([]);
    expect(decision).toEqual({
      schema: 'tamiz.decision.v1',
      decisionId: 'dec:det-000001',
      eventId: 'det-000001',
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T08:00:01.000Z',
      analyticType: 'fight',
      verdict: 'suppress',
      purposes: [],
      ruleIds: ['fail-closed'],
      reasons: [
        {
          code: 'policy.none',
          es: 'No hay política activa aprobada; nada se reenvía.',
          en: 'No active approved policy; nothing is forwarded.',
          citation: 'Ley 29733 art. 6 (finalidad)',
        },
      ],
      // nothing left, so every top-level field is named once, whole
      droppedPaths: Object.keys(event).sort(),
      transforms: [],
      policy: null,
      humanReview: 'none',
      retentionClass: null,
      findings: [],
    });
  });

  it('should suppress an event from an unknown camera for the same reason', () => {
    const event = DetectionEventFactory.lpr().data;
    const { decision } = noPolicyEvaluator().evaluate({ event, camera: null });
    expect(decision.reasons.map((r) => r.code)).toEqual(['policy.none']);
  });
});
