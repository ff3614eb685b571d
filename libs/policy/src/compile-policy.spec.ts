import { createHash } from 'node:crypto';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import { demoPolicyText } from '../test/demo-policy.fixture';
import { CameraFactory } from '../test/factories/camera.factory';
import { set, validPolicyDoc } from '../test/policy-doc.factory';
import { compilePolicy, policyHash } from './compile-policy';
import { PolicyError, PolicyErrorCode } from './policy.error';
import { parsePolicyText } from './parse-policy-text';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compilePolicy', () => {
  it('should name the policy by id, version and the SHA-256 of its canonical JSON', () => {
    const evaluator = compilePolicy(parsePolicyText(demoPolicyText(), 'yaml'));
    expect(evaluator.policy?.id).toBe('lima-demo');
    expect(evaluator.policy?.version).toBe('1');
    expect(evaluator.policy?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should hash exactly the canonical JSON text', () => {
    const canonical =
      '{"apiVersion":"tamiz/v1","kind":"Policy","metadata":{"id":"p","version":"1"},"purposes":[{"analytics":["fight"],"fields":["occurredAt"],"humanReview":"none","id":"a","legalBasis":{"citation":"c","kind":"law"},"priority":"low","recipients":["r"],"title":{"en":"A","es":"A"}}],"retention":{"alerts":"P30D","metadata":"PT72H"}}';
    expect(compilePolicy(JSON.parse(canonical)).policy?.hash).toBe(
      createHash('sha256').update(canonical, 'utf8').digest('hex'),
    );
  });

  it('should give one hash for the same policy written as YAML, JSON or in another key order', () => {
    const fromYaml = parsePolicyText(demoPolicyText(), 'yaml');
    const reversedJson = JSON.stringify(reverseKeys(fromYaml), null, 2);
    expect(reversedJson).not.toBe(JSON.stringify(fromYaml, null, 2));
    expect(policyHash(parsePolicyText(reversedJson, 'json'))).toBe(policyHash(fromYaml));
  });

  it('should change the hash when any value changes', () => {
    const doc = validPolicyDoc();
    const before = policyHash(doc);
    set('/purposes/0/fields/0', 'siteId')(doc);
    expect(policyHash(doc)).not.toBe(before);
  });

  it('should throw a PolicyError listing the problems of an invalid document', () => {
    const doc = validPolicyDoc();
    set('/purposes/0/id', 'marketing')(doc);
    const error = thrownBy(() => compilePolicy(doc));
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe(PolicyErrorCode.Invalid);
    expect((error as PolicyError).issues).toHaveLength(1);
  });

  it('should not be affected by later changes to the document it compiled', () => {
    const doc = validPolicyDoc();
    const evaluator = compilePolicy(doc);
    const event = DetectionEventFactory.person({ analyticType: 'fight' }).data;
    const camera = CameraFactory.create({ cameraId: event.cameraId });
    const before = JSON.stringify(evaluator.evaluate({ event, camera }));
    set('/purposes/0/fields', ['occurredAt', 'attributes.person'])(doc);
    set('/purposes/0/analytics', ['other'])(doc);
    expect(JSON.stringify(evaluator.evaluate({ event, camera }))).toBe(before);
    expect(Object.isFrozen(evaluator)).toBe(true);
    expect(Object.isFrozen(evaluator.policy)).toBe(true);
  });
});

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
