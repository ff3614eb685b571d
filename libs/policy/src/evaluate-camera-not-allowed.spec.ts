import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { evaluateDemo, reasonCodes } from '../test/scenario';

describe('evaluate: a camera not registered for the purpose', () => {
  beforeEach(() => resetFactoryIds());

  it('should suppress a fight at a promenade camera registered for crowds and emergencies only', () => {
    const event = DetectionEventFactory.behaviour('fight', { cameraId: 'cam-mf-004' }).data;
    const evaluation = evaluateDemo(event);
    expect(evaluation.alerts).toEqual([]);
    expect(evaluation.decision.verdict).toBe('suppress');
    expect(evaluation.decision.reasons).toEqual([
      {
        code: 'purpose.camera_not_allowed',
        es: 'La cámara cam-mf-004 no está autorizada para la finalidad «delito-en-flagrancia».',
        en: 'Camera cam-mf-004 is not authorised for purpose "delito-en-flagrancia".',
        citation: 'Ley 29733 art. 6 (finalidad)',
      },
    ]);
  });

  it('should give every reason when a plate hit comes from a park camera', () => {
    const event = DetectionEventFactory.lpr({
      cameraId: 'cam-si-002',
      analyticType: 'plate-watchlist-hit',
    }).data;
    expect(reasonCodes(evaluateDemo(event))).toEqual([
      'purpose.camera_not_allowed',
      'purpose.zone_mismatch',
    ]);
  });

  it('should suppress a fight at a school perimeter although the registry allows the purpose', () => {
    // the registry lets cam-si-003 serve delito-en-flagrancia, but the policy keeps school
    // perimeters out of its zones: the policy, not the registry, has the last word
    const event = DetectionEventFactory.behaviour('fight', { cameraId: 'cam-si-003' }).data;
    const evaluation = evaluateDemo(event);
    expect(evaluation.alerts).toEqual([]);
    expect(evaluation.decision.reasons).toEqual([
      expect.objectContaining({
        code: 'purpose.zone_mismatch',
        es: 'La zona «colegio-perimetro» de la cámara cam-si-003 no está entre las zonas de la finalidad «delito-en-flagrancia» (via-publica, parque, mercado).',
      }),
    ]);
  });
});
