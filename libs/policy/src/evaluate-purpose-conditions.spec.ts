import type { DetectionData } from '@lib/contracts';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import { evaluateDemo, reasonCodes } from '../test/scenario';

const street = { cameraId: 'cam-mf-002' };

describe('evaluate: one purpose condition at a time (demo policy)', () => {
  it.each<[string, DetectionData, string[]]>([
    [
      'a fight above the minimum confidence',
      DetectionEventFactory.behaviour('fight', { ...street, confidence: 0.6 }).data,
      ['purpose.matched'],
    ],
    [
      'a fight below the minimum confidence',
      DetectionEventFactory.behaviour('fight', { ...street, confidence: 0.59 }).data,
      ['confidence.below_min'],
    ],
    [
      'a plate hit on a person',
      DetectionEventFactory.lpr({
        ...street,
        analyticType: 'plate-watchlist-hit',
        objectClass: 'person',
      }).data,
      ['purpose.object_class_mismatch'],
    ],
    [
      'a plate read that is not a watchlist hit',
      DetectionEventFactory.lpr(street).data,
      ['purpose.none'],
    ],
    [
      'a fall at a street camera',
      DetectionEventFactory.behaviour('fight', { ...street, analyticType: 'fall' }).data,
      ['purpose.matched'],
    ],
    [
      'a crowd count at a street camera',
      DetectionEventFactory.minimal({ ...street, analyticType: 'crowd-density' }).data,
      ['purpose.camera_not_allowed'],
    ],
    [
      'a crowd count at a park camera',
      DetectionEventFactory.minimal({ cameraId: 'cam-mf-001', analyticType: 'crowd-density' }).data,
      ['purpose.matched'],
    ],
    [
      'an abandoned bag at a market',
      DetectionEventFactory.behaviour('abandoned-object', { cameraId: 'cam-mf-003' }).data,
      ['purpose.matched'],
    ],
  ])('should decide %s', (_name, event, codes) => {
    const evaluation = evaluateDemo(event);
    expect(reasonCodes(evaluation)).toEqual(codes);
    expect(evaluation.alerts).toHaveLength(codes.includes('purpose.matched') ? 1 : 0);
  });

  it('should forward crowd counts without any person data', () => {
    const event = DetectionEventFactory.person({
      cameraId: 'cam-mf-001',
      analyticType: 'crowd-density',
      attributes: { crowd: { count: 37, level: 'high' } },
    }).data;
    const { alerts } = evaluateDemo(event);
    expect(alerts[0].data).toEqual({
      analyticType: 'crowd-density',
      attributes: { crowd: { count: 37, level: 'high' } },
      cameraId: 'cam-mf-001',
      occurredAt: event.occurredAt,
      siteId: event.siteId,
      zone: event.zone,
    });
  });

  it('should forward a fall without any attribute (no health labels)', () => {
    const event = DetectionEventFactory.person({
      cameraId: 'cam-mf-001',
      analyticType: 'fall',
      attributes: { person: { ageBand: '60-75', mobilityAid: 'cane', intoxicated: true } },
    }).data;
    const { alerts } = evaluateDemo(event);
    expect(alerts[0].purpose).toBe('emergencias');
    expect(alerts[0].priority).toBe('critical');
    expect(alerts[0].data.attributes).toBeUndefined();
  });
});
