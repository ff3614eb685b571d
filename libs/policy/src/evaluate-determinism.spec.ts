import type { DetectionData } from '@lib/contracts';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import { demoCamera, demoPolicy, demoPolicyText } from '../test/demo-policy.fixture';
import { compilePolicy } from './compile-policy';
import { parsePolicyText } from './parse-policy-text';

const bytes = (value: unknown): string => JSON.stringify(value);

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reverseKeys);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evaluate: determinism', () => {
  const events: Array<[string, DetectionData]> = [
    [
      'a forwarded plate hit',
      DetectionEventFactory.lpr({ cameraId: 'cam-si-001', analyticType: 'plate-watchlist-hit' })
        .data,
    ],
    [
      'a forwarded fight',
      DetectionEventFactory.person({ cameraId: 'cam-mf-002', analyticType: 'fight' }).data,
    ],
    ['a suppressed face match', DetectionEventFactory.faceMatch({ cameraId: 'cam-mf-001' }).data],
  ];

  it.each(events)('should give identical bytes when %s is evaluated twice', (_name, event) => {
    const policy = demoPolicy();
    const camera = demoCamera(event.cameraId);
    expect(bytes(policy.evaluate({ event, camera }))).toBe(
      bytes(policy.evaluate({ event, camera })),
    );
  });

  it.each(events)(
    'should give identical bytes for %s whatever the key order of the event',
    (_name, event) => {
      const camera = demoCamera(event.cameraId);
      const shuffled = reverseKeys(event) as DetectionData;
      expect(bytes(shuffled)).not.toBe(bytes(event));
      expect(bytes(demoPolicy().evaluate({ event: shuffled, camera }))).toBe(
        bytes(demoPolicy().evaluate({ event, camera })),
      );
    },
  );

  it.each(events)(
    'should give identical bytes for %s under the policy as YAML or JSON',
    (_name, event) => {
      const camera = demoCamera(event.cameraId);
      const asJson = JSON.stringify(parsePolicyText(demoPolicyText(), 'yaml'), null, 2);
      const fromJson = compilePolicy(parsePolicyText(asJson, 'json'));
      expect(bytes(fromJson.evaluate({ event, camera }))).toBe(
        bytes(demoPolicy().evaluate({ event, camera })),
      );
    },
  );

  it.each(events)('should never mutate %s nor its camera', (_name, event) => {
    const frozen = deepFreeze(structuredClone(event));
    const camera = deepFreeze(demoCamera(event.cameraId));
    expect(() => demoPolicy().evaluate({ event: frozen, camera })).not.toThrow();
    expect(frozen).toEqual(event);
  });

  it('should write decision and alert keys in the contract order', () => {
    const [, event] = events[0];
    const { decision, alerts } = demoPolicy().evaluate({
      event,
      camera: demoCamera(event.cameraId),
    });
    expect(Object.keys(decision)).toEqual([
      'schema',
      'decisionId',
      'eventId',
      'cameraId',
      'occurredAt',
      'analyticType',
      'verdict',
      'purposes',
      'ruleIds',
      'reasons',
      'droppedPaths',
      'transforms',
      'policy',
      'humanReview',
      'retentionClass',
      'findings',
    ]);
    expect(Object.keys(alerts[0])).toEqual([
      'schema',
      'alertId',
      'eventId',
      'purpose',
      'title',
      'priority',
      'recipients',
      'humanReview',
      'label',
      'policy',
      'data',
    ]);
    expect(Object.keys(decision.reasons[0])).toEqual(['code', 'es', 'en', 'citation']);
    expect(Object.keys(decision.policy ?? {})).toEqual(['id', 'version', 'hash']);
  });
});
