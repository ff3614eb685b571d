import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { demoPolicy } from '../test/demo-policy.fixture';
import { CameraFactory } from '../test/factories/camera.factory';
import { evaluateDemo } from '../test/scenario';

describe('evaluate: an event from an unregistered camera', () => {
  beforeEach(() => resetFactoryIds());

  it('should be suppressed with camera.unknown and every path dropped', () => {
    const event = DetectionEventFactory.behaviour('weapon', { cameraId: 'cam-xx-999' }).data;
    const { decision, alerts } = evaluateDemo(event, { unregistered: true });
    expect(alerts).toEqual([]);
    expect(decision).toEqual({
      schema: 'tamiz.decision.v1',
      decisionId: 'dec:det-000001',
      eventId: 'det-000001',
      cameraId: 'cam-xx-999',
      occurredAt: '2026-03-14T08:00:01.000Z',
      analyticType: 'weapon',
      verdict: 'suppress',
      purposes: [],
      ruleIds: ['fail-closed'],
      reasons: [
        {
          code: 'camera.unknown',
          es: 'La cámara cam-xx-999 no está registrada; sus eventos no se reenvían.',
          en: 'Camera cam-xx-999 is not registered; its events are not forwarded.',
          citation: 'Ley 29733 art. 6 (finalidad); DS 007-2020-IN art. 4 (registro del sistema)',
        },
      ],
      // nothing left, so every top-level field is named once, whole
      droppedPaths: Object.keys(event).sort(),
      transforms: [],
      policy: demoPolicy().policy,
      humanReview: 'none',
      retentionClass: 'metadata',
      findings: [],
    });
  });

  it('should be suppressed when the camera record handed in is for another camera', () => {
    const event = DetectionEventFactory.behaviour('weapon', { cameraId: 'cam-si-001' }).data;
    const camera = CameraFactory.create({ cameraId: 'cam-si-002' });
    const { decision, alerts } = demoPolicy().evaluate({ event, camera });
    expect(alerts).toEqual([]);
    expect(decision.reasons.map((r) => r.code)).toEqual(['camera.mismatch']);
  });
});
