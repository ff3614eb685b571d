import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { evaluatePe, reasonCodes } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a face match after its authorisation expired', () => {
  beforeEach(() => resetFactoryIds());

  const at = (occurredAt: string) =>
    DetectionEventFactory.faceMatch({ cameraId: 'cam-si-001', occurredAt }).data;

  it('should be suppressed with authorization.expired, one second after validUntil', () => {
    const evaluation = evaluatePe(at('2026-04-01T05:00:00.000Z'));
    expect(evaluation.alerts).toEqual([]);
    expect(evaluation.decision.verdict).toBe('suppress');
    expect(reasonCodes(evaluation)).toEqual(['authorization.expired']);
    expect(evaluation.decision.humanReview).toBe('none');
    expect(evaluation.decision.retentionClass).toBe('metadata');
  });

  it('should be suppressed with authorization.expired before validFrom, too', () => {
    expect(reasonCodes(evaluatePe(at('2026-02-28T23:59:59.000-05:00')))).toEqual([
      'authorization.expired',
    ]);
  });

  it('should judge by the time of the event, not by when it is evaluated', () => {
    // a late delivery of an event that happened while the authorisation held is still lawful
    expect(evaluatePe(at('2026-03-31T23:59:00.000-05:00')).decision.verdict).toBe('forward');
  });
});
