import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { evaluatePe } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a face match under a valid judicial authorisation', () => {
  beforeEach(() => resetFactoryIds());

  const faceMatch = () =>
    DetectionEventFactory.faceMatch({
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T15:00:00.000Z',
    }).data;
  const purpose = 'identificacion-facial-autorizada';

  it('should forward for two-person review, naming the authorisation and its case', () => {
    const { decision, alerts } = evaluatePe(faceMatch());
    expect(decision.verdict).toBe('forward');
    expect(decision.humanReview).toBe('two-person');
    expect(decision.ruleIds).toEqual([`purpose:${purpose}`, 'authorization:AUT-2026-001']);
    expect(decision.reasons.map((r) => r.code)).toEqual(['authorization.valid', 'purpose.matched']);
    expect(decision.reasons[0].es).toContain('AUT-2026-001');
    expect(decision.reasons[0].es).toContain('Exp. 01234-2026-1-1801-JR-PE-02');
    expect(decision.reasons[0].en).toContain('two-person');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].humanReview).toBe('two-person');
  });

  it('should carry the match and ask to blur plates and bystanders, not the face', () => {
    const { alerts } = evaluatePe(faceMatch());
    expect(alerts[0].data.identifiers).toEqual({
      faceMatch: { similarity: 0.87, subjectRef: 'wl-000042', watchlist: 'requisitoria' },
    });
    expect(alerts[0].redaction).toEqual({ regions: ['plate', 'person'] });
    expect(alerts[0].data).not.toHaveProperty('attributes');
  });

  it('should accept the last second of the validity, in the authorisation offset', () => {
    const last = { ...faceMatch(), occurredAt: '2026-04-01T04:59:59.000Z' };
    expect(evaluatePe(last).decision.verdict).toBe('forward');
  });
});
