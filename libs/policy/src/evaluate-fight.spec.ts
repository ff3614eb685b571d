import { leafPaths } from '@lib/redaction';
import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { evaluateDemo } from '../test/scenario';

describe('evaluate: a fight at a street camera', () => {
  beforeEach(() => resetFactoryIds());

  const fight = () =>
    DetectionEventFactory.behaviour('fight', {
      cameraId: 'cam-mf-002',
      siteId: 'mf-larco',
      attributes: {
        person: {
          age: 34,
          ageBand: '30-45',
          gender: 'male',
          clothing: { upper: { type: 'jacket', color: 'red' }, hat: true },
          carrying: ['backpack'],
        },
        face: { mask: false, glasses: true },
      },
    }).data;

  it('should forward to delito-en-flagrancia with clothing and carried objects', () => {
    const { decision, alerts } = evaluateDemo(fight());
    expect(decision.verdict).toBe('forward');
    expect(decision.purposes).toEqual(['delito-en-flagrancia']);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].alertId).toBe('det-000001:delito-en-flagrancia');
    expect(alerts[0].data.attributes).toEqual({
      person: {
        carrying: ['backpack'],
        clothing: { hat: true, upper: { color: 'red', type: 'jacket' } },
      },
    });
  });

  it('should never let age, gender or face attributes leave, and say they were dropped', () => {
    const { decision, alerts } = evaluateDemo(fight());
    expect(leafPaths(alerts[0].data).sort()).toEqual([
      'analyticType',
      'attributes.person.carrying',
      'attributes.person.clothing.hat',
      'attributes.person.clothing.upper.color',
      'attributes.person.clothing.upper.type',
      'boundingBox.h',
      'boundingBox.w',
      'boundingBox.x',
      'boundingBox.y',
      'cameraId',
      'confidence',
      'objectClass',
      'occurredAt',
      'siteId',
      'trackId',
      'zone',
    ]);
    const json = JSON.stringify(alerts);
    for (const word of ['gender', 'male', 'age', '"34"', 'glasses', 'geo']) {
      expect(json).not.toContain(word);
    }
    expect(decision.droppedPaths).toEqual(
      expect.arrayContaining([
        'attributes.face',
        'attributes.person.age',
        'attributes.person.ageBand',
        'attributes.person.gender',
        'geo',
      ]),
    );
    expect(JSON.stringify(decision)).not.toContain('male');
  });

  it('should require human review and keep the decision for the alerts retention class', () => {
    const { decision } = evaluateDemo(fight());
    expect(decision.humanReview).toBe('required');
    expect(decision.retentionClass).toBe('alerts');
    expect(decision.ruleIds).toEqual(['purpose:delito-en-flagrancia']);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        code: 'purpose.matched',
        citation: 'DL 1218 art. 1; DS 007-2020-IN',
      }),
    ]);
  });

  it('should drop a face match riding on a fight event', () => {
    const event = {
      ...fight(),
      identifiers: { plate: null, faceMatch: { subjectRef: 'wl-000042', similarity: 0.9 } },
    };
    const { decision, alerts } = evaluateDemo(event);
    expect(decision.verdict).toBe('forward');
    expect(JSON.stringify(alerts)).not.toContain('wl-000042');
    expect(decision.droppedPaths).toContain('identifiers');
  });
});
