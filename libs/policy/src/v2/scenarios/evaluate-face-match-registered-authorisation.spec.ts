import type { RegisteredAuthorisationV1 } from '@lib/contracts';
import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { serializeAlert, serializeDecision } from '../../serialize-records';
import { peCamera, pePolicy, pePolicyDoc } from '../../../test/v2/pe-policy.fixture';

const REGISTERED: RegisteredAuthorisationV1 = {
  id: '0b6f3c1e-8d7a-4f7e-9a51-2d4c6e8f0a11',
  purposes: ['identificacion-facial-autorizada'],
  scope: { watchlists: ['requisitoria'], cameras: ['cam-si-001'] },
  validFrom: '2026-03-10T05:00:00.000Z',
  validUntil: '2026-03-20T05:00:00.000Z',
};

describe('evaluate v2: a face match under an authorisation of the register', () => {
  beforeEach(() => resetFactoryIds());

  const purpose = 'identificacion-facial-autorizada';
  const faceMatch = (occurredAt = '2026-03-14T15:00:00.000Z') =>
    DetectionEventFactory.faceMatch({ cameraId: 'cam-si-001', occurredAt }).data;
  // the policy without authorisations of its own: only the register can allow a face match
  const withoutDocumentAuthorisations = () => {
    const doc = pePolicyDoc();
    delete doc.authorisations;
    return pePolicy(doc);
  };
  const decide = (
    evaluator: ReturnType<typeof pePolicy>,
    event = faceMatch(),
  ): ReturnType<ReturnType<typeof pePolicy>['evaluate']> =>
    evaluator.evaluate({ event, camera: peCamera(event.cameraId) });

  it('should forward once the register holds one, naming its id and not the case', () => {
    const base = withoutDocumentAuthorisations();
    const merged = base.withRegisteredAuthorisations([REGISTERED]);

    const before = decide(base);
    const after = decide(merged);

    expect(before.decision.verdict).toBe('suppress');
    expect(before.decision.reasons.map((r) => r.code)).toEqual(['authorization.missing']);
    expect(after.decision.verdict).toBe('forward');
    expect(after.decision.humanReview).toBe('two-person');
    expect(after.decision.ruleIds).toEqual([
      `purpose:${purpose}`,
      `authorization:${REGISTERED.id}`,
    ]);
    expect(after.decision.reasons[0]).toMatchObject({ code: 'authorization.valid' });
    expect(after.decision.reasons[0].es).toContain(`Autorización registrada ${REGISTERED.id}`);
    expect(after.decision.reasons[0].en).toContain(`Registered authorisation ${REGISTERED.id}`);
    expect(after.alerts).toHaveLength(1);
    expect(after.decision.policy).toEqual(base.policy);
  });

  it('should leave the evaluator it came from as it was', () => {
    const base = withoutDocumentAuthorisations();
    base.withRegisteredAuthorisations([REGISTERED]);

    expect(decide(base).decision.verdict).toBe('suppress');
  });

  it('should check validity at occurredAt and scope first, as for the document', () => {
    const merged = withoutDocumentAuthorisations().withRegisteredAuthorisations([REGISTERED]);
    const late = decide(merged, faceMatch('2026-03-25T15:00:00.000Z'));
    const elsewhere = DetectionEventFactory.faceMatch({
      cameraId: 'cam-mf-002',
      occurredAt: '2026-03-14T15:00:00.000Z',
    }).data;

    expect(late.decision.reasons.map((r) => r.code)).toEqual(['authorization.expired']);
    expect(decide(merged, elsewhere).decision.reasons.map((r) => r.code)).toEqual([
      'authorization.out_of_scope',
    ]);
  });

  it('should replace the register given before: a revoked authorisation stops serving', () => {
    const merged = withoutDocumentAuthorisations().withRegisteredAuthorisations([REGISTERED]);
    const revoked = merged.withRegisteredAuthorisations([]);

    expect(decide(merged).decision.verdict).toBe('forward');
    expect(decide(revoked).decision.verdict).toBe('suppress');
  });

  it('should decide with the document and the register together, the document winning an id', () => {
    // the document's AUT-2026-001 covers cam-si-001 during March; the register adds cam-mf-002
    const base = pePolicy();
    const merged = base.withRegisteredAuthorisations([
      { ...REGISTERED, id: 'AUT-2026-001', scope: { cameras: ['cam-xx-999'] } },
      { ...REGISTERED, id: 'REG-2', scope: { cameras: ['cam-mf-002'] } },
    ]);
    const atMiraflores = DetectionEventFactory.faceMatch({
      cameraId: 'cam-mf-002',
      occurredAt: '2026-03-14T15:00:00.000Z',
    }).data;

    const document = decide(merged);
    expect(document.decision.ruleIds).toContain('authorization:AUT-2026-001');
    expect(document.decision.reasons[0].es).toContain('Exp. 01234-2026-1-1801-JR-PE-02');
    // AUT-2026-001 covers cam-mf-002 too, and sorts first
    expect(decide(merged, atMiraflores).decision.ruleIds).toContain('authorization:AUT-2026-001');
    const onlyRegister = pePolicy({
      ...pePolicyDoc(),
      authorisations: undefined,
    }).withRegisteredAuthorisations([
      { ...REGISTERED, id: 'REG-2', scope: { cameras: ['cam-mf-002'] } },
    ]);
    expect(decide(onlyRegister, atMiraflores).decision.ruleIds).toContain('authorization:REG-2');
  });

  it('should give the same bytes as the policy alone for events no authorisation concerns', () => {
    const base = pePolicy();
    const merged = base.withRegisteredAuthorisations([REGISTERED]);
    const events = [
      DetectionEventFactory.create({ cameraId: 'cam-si-001' }).data,
      DetectionEventFactory.lpr({ cameraId: 'cam-si-001' }).data,
    ];
    for (const event of events) {
      const a = decide(base, event);
      const b = decide(merged, event);
      expect(serializeDecision(b.decision)).toBe(serializeDecision(a.decision));
      expect(b.alerts.map(serializeAlert)).toEqual(a.alerts.map(serializeAlert));
    }
  });
});
