import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { pePolicy } from '../../../test/v2/pe-policy.fixture';
import { evaluatePe } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a stolen vehicle plate on a watchlist, at a street camera', () => {
  beforeEach(() => resetFactoryIds());

  const plateHit = () =>
    DetectionEventFactory.lpr({
      cameraId: 'cam-si-001',
      siteId: 'si-javier-prado',
      analyticType: 'plate-watchlist-hit',
    }).data;
  const policy = pePolicy().policy;
  const purpose = 'vehiculo-requisitoriado';

  it('should forward one alert carrying the plate, the vehicle and a blur order for faces', () => {
    const { alerts } = evaluatePe(plateHit());
    expect(alerts).toEqual([
      {
        schema: 'tamiz.alert.v1',
        alertId: `det-000001:${purpose}`,
        eventId: 'det-000001',
        purpose,
        title: { es: 'Vehículo con requisitoria', en: 'Wanted vehicle' },
        priority: 'high',
        recipients: ['central-serenazgo'],
        humanReview: 'required',
        label: 'recommendation',
        policy,
        redaction: { regions: ['face'] },
        data: {
          analyticType: 'plate-watchlist-hit',
          attributes: { vehicle: { color: 'white', make: 'toyota', model: 'yaris', type: 'car' } },
          cameraId: 'cam-si-001',
          confidence: 0.94,
          identifiers: { plate: { confidence: 0.96, country: 'PE', value: 'TST-451' } },
          objectClass: 'vehicle',
          occurredAt: '2026-03-14T08:00:01.000Z',
          siteId: 'si-javier-prado',
          snapshot: {
            boxes: [{ h: 0.03, kind: 'plate', w: 0.05, x: 0.33, y: 0.49 }],
            ref: 's3://tamiz-evidence/2026/03/14/det-000001.jpg',
          },
          zone: 'av-benavides-carril-2',
        },
      },
    ]);
  });

  it('should record the decision: purpose, reason with its law, transforms and dropped paths', () => {
    const { decision } = evaluatePe(plateHit());
    expect(decision).toEqual({
      schema: 'tamiz.decision.v1',
      decisionId: 'dec:det-000001',
      eventId: 'det-000001',
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T08:00:01.000Z',
      analyticType: 'plate-watchlist-hit',
      verdict: 'forward',
      purposes: [purpose],
      ruleIds: [`purpose:${purpose}`],
      reasons: [
        {
          code: 'purpose.matched',
          es: `Se aplica la finalidad «${purpose}»: Vehículo con requisitoria.`,
          en: `Purpose "${purpose}" applies: Wanted vehicle.`,
          citation: 'DL 1218 art. 1; DS 007-2020-IN',
        },
      ],
      droppedPaths: ['boundingBox', 'geo', 'identifiers.faceMatch', 'trackId', 'vendor'],
      transforms: [
        ['analyticType', 'keep'],
        ['attributes.vehicle', 'keep'],
        ['cameraId', 'keep'],
        ['confidence', 'keep'],
        ['identifiers.plate', 'keep'],
        ['objectClass', 'keep'],
        ['occurredAt', 'keep'],
        ['siteId', 'keep'],
        ['snapshot', 'redact'],
        ['zone', 'keep'],
      ].map(([path, transform]) => ({ purpose, path, transform })),
      policy,
      humanReview: 'required',
      retentionClass: 'alerts',
      findings: [],
    });
  });

  it('should serialise the decision without the plate, and the alert with it', () => {
    const { bytes } = evaluatePe(plateHit());
    expect(bytes[0]).not.toContain('TST-451');
    expect(bytes[1]).toContain(
      '"identifiers":{"plate":{"confidence":0.96,"country":"PE","value":"TST-451"}}',
    );
  });

  it('should suppress a plate read below the minimum confidence of the purpose', () => {
    const { decision, alerts } = evaluatePe({ ...plateHit(), confidence: 0.7 });
    expect(alerts).toEqual([]);
    expect(decision.reasons.map((r) => r.code)).toEqual(['confidence.below_min']);
  });
});
