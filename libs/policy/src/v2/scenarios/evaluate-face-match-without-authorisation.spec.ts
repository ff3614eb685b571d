import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { pePolicyDoc } from '../../../test/v2/pe-policy.fixture';
import { evaluatePe, reasonCodes } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a face match with no authorisation for it', () => {
  beforeEach(() => resetFactoryIds());

  const faceMatch = (watchlist = 'requisitoria') =>
    DetectionEventFactory.faceMatch({
      cameraId: 'cam-si-001',
      identifiers: { faceMatch: { watchlist } },
    }).data;

  it('should be suppressed with authorization.missing when the policy records none', () => {
    const doc = pePolicyDoc();
    delete doc.authorisations;
    const evaluation = evaluatePe(faceMatch(), { doc });
    expect(evaluation.alerts).toEqual([]);
    expect(evaluation.decision.verdict).toBe('suppress');
    expect(evaluation.decision.reasons.map((r) => r.code)).toEqual(['authorization.missing']);
    expect(evaluation.decision.reasons[0].citation).toContain('2024/1689 art. 5(1)(h)');
    expect(evaluation.bytes[0]).not.toContain('wl-000042');
  });

  it('should be suppressed with authorization.out_of_scope for another watchlist', () => {
    expect(reasonCodes(evaluatePe(faceMatch('otra-lista')))).toEqual([
      'authorization.out_of_scope',
    ]);
  });

  it('should be suppressed with authorization.out_of_scope at a camera outside the scope', () => {
    const doc = pePolicyDoc();
    doc.authorisations![0].scope.cameras = ['cam-mf-002'];
    expect(reasonCodes(evaluatePe(faceMatch(), { doc }))).toEqual(['authorization.out_of_scope']);
  });

  it('should need an authorisation even under a purpose that does not require one', () => {
    const doc = pePolicyDoc();
    doc.purposes[3].requiresAuthorization = false;
    delete doc.purposes[3].fields['identifiers.faceMatch'];
    delete doc.authorisations;
    expect(reasonCodes(evaluatePe(faceMatch(), { doc }))).toEqual(['authorization.missing']);
  });
});
