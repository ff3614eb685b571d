import { compilePolicy, parsePolicyText, ImpactSimulation } from '@lib/policy';
import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../test/factories/detection-event.factory';
import { demoCamera, demoPolicy, demoPolicyText } from '../../test/demo-policy.fixture';

/** The demo policy relaxed: loitering counts as a crime in progress, gender is kept, 0.5 suffices. */
function relaxedCandidate() {
  const text = demoPolicyText()
    .replace(
      'analytics: [intrusion, fight, weapon, abandoned-object]',
      'analytics: [intrusion, fight, weapon, abandoned-object, loitering]',
    )
    .replace(
      'minConfidence: 0.6\n    humanReview: required',
      'minConfidence: 0.5\n    humanReview: required',
    )
    .replace(
      '      - attributes.person.carrying\n',
      '      - attributes.person.carrying\n      - attributes.person.gender\n',
    )
    .replace(/version: '?[\w.-]+'?/, "version: 'candidate'");
  return compilePolicy(parsePolicyText(text, 'yaml'));
}

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('impact simulation', () => {
  beforeEach(() => resetFactoryIds());

  it('counts exactly what a relaxing candidate would change, and names the newly exposed fields', () => {
    const candidate = relaxedCandidate();
    const simulation = new ImpactSimulation({
      candidate,
      active: demoPolicy(),
      camera: (id) => demoCamera(id),
      sampleSize: 3,
    });
    const cam = { cameraId: 'cam-si-001', attributes: { person: { gender: 'female' } } };
    for (let i = 0; i < 10; i++) {
      simulation.add(bytes(DetectionEventFactory.behaviour('fight', cam)));
    }
    for (let i = 0; i < 5; i++) {
      simulation.add(bytes(DetectionEventFactory.behaviour('loitering', cam)));
    }
    for (let i = 0; i < 4; i++) {
      simulation.add(bytes(DetectionEventFactory.behaviour('fight', { ...cam, confidence: 0.55 })));
    }
    simulation.add(Buffer.from('{not json'));
    simulation.add(bytes({ specversion: '1.0' }));

    const report = simulation.report();
    expect(report).toMatchObject({ records: 21, invalid: 2, events: 19, changed: 9 });
    expect(report.candidate?.version).toBe('candidate');
    expect(report.tallies.active).toMatchObject({
      forwarded: 10,
      suppressed: 9,
      alertsByPurpose: { 'delito-en-flagrancia': 10 },
      byAnalyticType: {
        fight: { forwarded: 10, suppressed: 4 },
        loitering: { forwarded: 0, suppressed: 5 },
      },
    });
    expect(report.tallies.candidate).toMatchObject({
      forwarded: 19,
      suppressed: 0,
      alertsByPurpose: { 'delito-en-flagrancia': 19 },
    });
    expect(report.newlyExposed).toEqual([
      {
        purpose: 'delito-en-flagrancia',
        path: 'attributes.person.gender',
        transform: 'keep',
        activeTransform: null,
        events: 19,
      },
    ]);
    expect(report.sample).toHaveLength(3);
    expect(report.sample[0]).toMatchObject({
      analyticType: 'loitering',
      active: { verdict: 'suppress' },
      candidate: { verdict: 'forward', purposes: ['delito-en-flagrancia'] },
    });
    // minimised: no attribute value of any event in the report
    expect(JSON.stringify(report)).not.toContain('female');
  });

  it('reports no change when the candidate is the active policy', () => {
    const simulation = new ImpactSimulation({
      candidate: demoPolicy(),
      active: demoPolicy(),
      camera: (id) => demoCamera(id),
    });
    for (let i = 0; i < 5; i++) {
      simulation.add(bytes(DetectionEventFactory.behaviour('fight', { cameraId: 'cam-si-001' })));
    }
    expect(simulation.report()).toMatchObject({ events: 5, changed: 0, newlyExposed: [] });
  });
});
