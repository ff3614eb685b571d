import { leafPaths } from '@lib/redaction';
import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { CameraFactory } from '../test/factories/camera.factory';
import { set, validPolicyDoc } from '../test/policy-doc.factory';
import { compilePolicy } from './compile-policy';

// A fight serves two purposes: the serenazgo acts on it, and the district counts incidents.
function twoPurposePolicy() {
  const doc = validPolicyDoc();
  set('/purposes/1', {
    id: 'estadistica-incidentes',
    title: { es: 'Estadística de incidentes', en: 'Incident statistics' },
    legalBasis: { kind: 'public_function', citation: 'Ley 29733 art. 14' },
    analytics: ['fight', 'weapon'],
    humanReview: 'none',
    priority: 'low',
    recipients: ['observatorio-seguridad'],
    fields: ['occurredAt', 'siteId', 'analyticType'],
  })(doc);
  return compilePolicy(doc);
}

describe('evaluate: an event that serves two purposes', () => {
  beforeEach(() => resetFactoryIds());

  const camera = CameraFactory.create({
    allowedPurposes: ['delito-en-flagrancia', 'estadistica-incidentes'],
  });
  const fight = () =>
    DetectionEventFactory.person({ cameraId: camera.cameraId, analyticType: 'fight' }).data;

  it('should emit one alert per purpose, sorted by purpose id, each minimised for its purpose', () => {
    const { alerts } = twoPurposePolicy().evaluate({ event: fight(), camera });
    expect(alerts.map((a) => a.alertId)).toEqual([
      'det-000001:delito-en-flagrancia',
      'det-000001:estadistica-incidentes',
    ]);
    expect(leafPaths(alerts[0].data).sort()).toEqual([
      'analyticType',
      'attributes.person.clothing.hat',
      'attributes.person.clothing.lower.color',
      'attributes.person.clothing.lower.type',
      'attributes.person.clothing.upper.color',
      'attributes.person.clothing.upper.type',
      'cameraId',
      'occurredAt',
    ]);
    expect(alerts[1].data).toEqual({
      analyticType: 'fight',
      occurredAt: '2026-03-14T08:00:01.000Z',
      siteId: 'miraflores',
    });
    expect(alerts[1].recipients).toEqual(['observatorio-seguridad']);
  });

  it('should record both purposes, the strictest review and only what neither alert carries', () => {
    const { decision } = twoPurposePolicy().evaluate({ event: fight(), camera });
    expect(decision.purposes).toEqual(['delito-en-flagrancia', 'estadistica-incidentes']);
    expect(decision.ruleIds).toEqual([
      'purpose:delito-en-flagrancia',
      'purpose:estadistica-incidentes',
    ]);
    expect(decision.reasons.map((r) => r.code)).toEqual(['purpose.matched', 'purpose.matched']);
    expect(decision.humanReview).toBe('required');
    expect(decision.transforms).toEqual([
      { purpose: 'delito-en-flagrancia', path: 'analyticType', transform: 'keep' },
      { purpose: 'delito-en-flagrancia', path: 'attributes.person.clothing', transform: 'keep' },
      { purpose: 'delito-en-flagrancia', path: 'cameraId', transform: 'keep' },
      { purpose: 'delito-en-flagrancia', path: 'occurredAt', transform: 'keep' },
      { purpose: 'estadistica-incidentes', path: 'analyticType', transform: 'keep' },
      { purpose: 'estadistica-incidentes', path: 'occurredAt', transform: 'keep' },
      { purpose: 'estadistica-incidentes', path: 'siteId', transform: 'keep' },
    ]);
    expect(decision.droppedPaths).toContain('attributes.person.gender');
    expect(decision.droppedPaths).not.toContain('siteId');
    expect(decision.droppedPaths).not.toContain('attributes.person.clothing.upper.color');
  });

  it('should still forward for one purpose when the camera may serve only that one', () => {
    const statsOnly = CameraFactory.create({ allowedPurposes: ['estadistica-incidentes'] });
    const { decision, alerts } = twoPurposePolicy().evaluate({ event: fight(), camera: statsOnly });
    expect(alerts.map((a) => a.purpose)).toEqual(['estadistica-incidentes']);
    expect(decision.humanReview).toBe('none');
    expect(decision.reasons.map((r) => r.code)).toEqual([
      'purpose.camera_not_allowed',
      'purpose.matched',
    ]);
  });
});
