import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { evaluatePe, pathsOf } from '../../../test/v2/scenario-v2';

describe('evaluate v2: an attribute search for suspicious behaviour in a park', () => {
  beforeEach(() => resetFactoryIds());

  const loitering = () =>
    DetectionEventFactory.person({
      cameraId: 'cam-si-002',
      analyticType: 'loitering',
      occurredAt: '2026-03-14T08:03:41.250Z',
      attributes: { person: { age: 34, gender: 'female' } },
    }).data;

  it('should keep clothing and carried objects, and drop gender and age', () => {
    const { alerts } = evaluatePe(loitering());
    expect(alerts.map((a) => a.purpose)).toEqual(['busqueda-por-atributos']);
    expect(alerts[0].data.attributes).toEqual({
      person: {
        carrying: ['backpack'],
        clothing: {
          hat: false,
          lower: { color: 'dark-blue', type: 'trousers' },
          upper: { color: 'red', type: 'jacket' },
        },
      },
    });
    expect(pathsOf(alerts[0].data)).not.toEqual(
      expect.arrayContaining(['attributes.person.gender']),
    );
    expect(JSON.stringify(alerts[0])).not.toMatch(/gender|female|ageBand|"age"/);
  });

  it('should name gender and age among the dropped paths, never their values', () => {
    const { decision, bytes } = evaluatePe(loitering());
    expect(decision.droppedPaths).toEqual([
      'attributes.person.age',
      'attributes.person.ageBand',
      'attributes.person.gender',
      'boundingBox',
      'confidence',
      'geo',
      'objectClass',
      'snapshot',
      'vendor',
    ]);
    expect(bytes[0]).not.toMatch(/female|30-45/);
  });

  it('should generalise the time and pseudonymise the track', () => {
    const { decision, alerts } = evaluatePe(loitering());
    expect(alerts[0].data.occurredAt).toBe('2026-03-14T08:00:00.000Z');
    expect(alerts[0].data.trackId).toMatch(/^ps_[a-z2-7]{26}$/);
    expect(JSON.stringify(alerts[0])).not.toContain('trk-000001');
    expect(decision.transforms).toEqual(
      expect.arrayContaining([
        { purpose: 'busqueda-por-atributos', path: 'occurredAt', transform: 'generalize.minutes' },
        { purpose: 'busqueda-por-atributos', path: 'trackId', transform: 'pseudonymize' },
      ]),
    );
  });
});
