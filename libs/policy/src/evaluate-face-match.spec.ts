import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { set, validPolicyDoc } from '../test/policy-doc.factory';
import { CameraFactory } from '../test/factories/camera.factory';
import { evaluateDemo, reasonCodes } from '../test/scenario';
import { compilePolicy } from './compile-policy';

describe('evaluate: a face matched against a watchlist', () => {
  beforeEach(() => resetFactoryIds());

  const faceMatch = () =>
    DetectionEventFactory.faceMatch({ cameraId: 'cam-mf-001', siteId: 'mf-parque-kennedy' }).data;

  it('should be suppressed under the demo policy, which has no face purpose', () => {
    const evaluation = evaluateDemo(faceMatch());
    expect(evaluation.alerts).toEqual([]);
    expect(evaluation.decision.verdict).toBe('suppress');
    expect(evaluation.decision.purposes).toEqual([]);
    expect(evaluation.decision.ruleIds).toEqual(['fail-closed']);
    expect(evaluation.decision.reasons).toEqual([
      {
        code: 'purpose.none',
        es: 'Ninguna finalidad de la política cubre la analítica «face-match».',
        en: 'No purpose in the policy covers analytic "face-match".',
        citation: 'Ley 29733 art. 6 (finalidad)',
      },
    ]);
    expect(evaluation.decision.retentionClass).toBe('metadata');
    expect(evaluation.decision.droppedPaths).toContain('identifiers');
    expect(JSON.stringify(evaluation.decision)).not.toContain('wl-000042');
  });

  it('should stay suppressed even under a purpose resting on a judicial authorisation', () => {
    const doc = validPolicyDoc();
    set('/purposes/1', {
      id: 'identificacion-facial',
      title: { es: 'Identificación facial', en: 'Face identification' },
      legalBasis: { kind: 'judicial-authorization' },
      analytics: ['face-match'],
      humanReview: 'two-person',
      priority: 'critical',
      recipients: ['central-serenazgo'],
      fields: ['occurredAt', 'identifiers.faceMatch'],
    })(doc);
    const camera = CameraFactory.create({
      cameraId: 'cam-mf-001',
      allowedPurposes: ['identificacion-facial'],
    });
    const evaluation = compilePolicy(doc).evaluate({ event: faceMatch(), camera });
    expect(evaluation.alerts).toEqual([]);
    expect(reasonCodes(evaluation)).toEqual(['purpose.authorization_required']);
  });
});
