import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { demoPolicy } from '../test/demo-policy.fixture';
import { evaluateDemo } from '../test/scenario';

describe('evaluate: a watchlisted plate at a street camera', () => {
  beforeEach(() => resetFactoryIds());

  const plateHit = () =>
    DetectionEventFactory.lpr({
      cameraId: 'cam-si-001',
      siteId: 'si-javier-prado',
      analyticType: 'plate-watchlist-hit',
    }).data;

  it('should forward one alert for vehiculo-requisitoriado carrying the plate and vehicle only', () => {
    const { alerts } = evaluateDemo(plateHit());
    expect(alerts).toEqual([
      {
        schema: 'tamiz.alert.v1',
        alertId: 'det-000001:vehiculo-requisitoriado',
        eventId: 'det-000001',
        purpose: 'vehiculo-requisitoriado',
        title: {
          es: 'Vehículo con requisitoria (placa en lista de búsqueda)',
          en: 'Wanted vehicle (plate on a watchlist)',
        },
        priority: 'high',
        recipients: ['central-serenazgo'],
        humanReview: 'required',
        label: 'recommendation',
        policy: demoPolicy().policy,
        data: {
          analyticType: 'plate-watchlist-hit',
          attributes: { vehicle: { color: 'white', make: 'toyota', model: 'yaris', type: 'car' } },
          cameraId: 'cam-si-001',
          confidence: 0.94,
          identifiers: { plate: { confidence: 0.96, country: 'PE', value: 'TST-451' } },
          objectClass: 'vehicle',
          occurredAt: '2026-03-14T08:00:01.000Z',
          siteId: 'si-javier-prado',
          zone: 'av-benavides-carril-2',
        },
      },
    ]);
  });

  it('should record a forward decision naming what was dropped, never its values', () => {
    const { decision } = evaluateDemo(plateHit());
    expect(decision).toEqual({
      schema: 'tamiz.decision.v1',
      decisionId: 'dec:det-000001',
      eventId: 'det-000001',
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T08:00:01.000Z',
      analyticType: 'plate-watchlist-hit',
      verdict: 'forward',
      purposes: ['vehiculo-requisitoriado'],
      ruleIds: ['purpose:vehiculo-requisitoriado'],
      reasons: [
        {
          code: 'purpose.matched',
          es: 'Se aplica la finalidad «vehiculo-requisitoriado»: Vehículo con requisitoria (placa en lista de búsqueda).',
          en: 'Purpose "vehiculo-requisitoriado" applies: Wanted vehicle (plate on a watchlist).',
          citation: 'DL 1218 art. 1; DS 007-2020-IN',
        },
      ],
      // whole subtrees where nothing of them left; only the face match inside `identifiers`
      droppedPaths: [
        'boundingBox',
        'eventId',
        'geo',
        'identifiers.faceMatch',
        'snapshot',
        'trackId',
        'vendor',
      ],
      transforms: [
        'analyticType',
        'attributes.vehicle',
        'cameraId',
        'confidence',
        'identifiers.plate',
        'objectClass',
        'occurredAt',
        'siteId',
        'zone',
      ].map((path) => ({ purpose: 'vehiculo-requisitoriado', path, transform: 'keep' })),
      policy: demoPolicy().policy,
      humanReview: 'required',
      retentionClass: 'alerts',
      findings: [],
    });
    expect(JSON.stringify(decision)).not.toContain('TST-451');
  });
});
