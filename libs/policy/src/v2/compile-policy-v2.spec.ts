import type { DetectionData } from '@lib/contracts';
import { stringify } from 'yaml';
import { hkdfKeyring } from '@lib/redaction';
import { DetectionEventFactory } from '../../../../test/factories/detection-event.factory';
import { demoPolicyText } from '../../test/demo-policy.fixture';
import { pePolicyDoc, peCamera, TEST_KEYRING } from '../../test/v2/pe-policy.fixture';
import { canonicalJson } from '../canonical-json';
import { compilePolicy, policyHash, policyUsesPseudonyms } from '../compile-policy';
import { parsePolicyText } from '../parse-policy-text';
import { PolicyError, PolicyErrorCode, PolicyIssueCode } from '../policy.error';
import { serializeAlert, serializeDecision } from '../serialize-records';

function thrownBy(run: () => unknown): PolicyError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error('expected a PolicyError');
}

describe('compilePolicy (tamiz/v2)', () => {
  const fight: DetectionData = DetectionEventFactory.behaviour('fight', {
    cameraId: 'cam-mf-002',
  }).data;
  const event = (): DetectionData => structuredClone(fight);
  const bytesOf = (doc: unknown, keyring = TEST_KEYRING): string => {
    const { decision, alerts } = compilePolicy(doc, { keyring }).evaluate({
      event: event(),
      camera: peCamera('cam-mf-002'),
    });
    return [serializeDecision(decision), ...alerts.map(serializeAlert)].join('\n');
  };

  it('should dispatch on apiVersion: v1 documents keep their engine', () => {
    const v1 = compilePolicy(parsePolicyText(demoPolicyText(), 'yaml'));
    expect(v1.policy?.id).toBe('lima-demo');
    expect(compilePolicy(pePolicyDoc(), { keyring: TEST_KEYRING }).policy?.id).toBe('pe-fixture');
  });

  it('should name the policy by id, version and the hash of its canonical form', () => {
    const doc = pePolicyDoc();
    const { policy } = compilePolicy(doc, { keyring: TEST_KEYRING });
    expect(policy).toEqual({ id: 'pe-fixture', version: '2026.1', hash: policyHash(doc) });
    expect(policyHash(JSON.parse(canonicalJson(doc)))).toBe(policy?.hash);
  });

  it('should throw policy_invalid with every issue of an invalid document', () => {
    const doc = pePolicyDoc();
    delete (doc.purposes[0] as Partial<(typeof doc.purposes)[0]>).legalBasis;
    doc.purposes[1].fields['attributes.person.ethnicity'] = 'keep';
    const error = thrownBy(() => compilePolicy(doc, { keyring: TEST_KEYRING }));
    expect(error.code).toBe(PolicyErrorCode.Invalid);
    expect(error.issues.map((i) => i.code)).toEqual([
      PolicyIssueCode.MissingLegalBasis,
      PolicyIssueCode.ProhibitedField,
    ]);
  });

  it('should refuse a pseudonymising policy without a keyring, naming each field', () => {
    const error = thrownBy(() => compilePolicy(pePolicyDoc()));
    expect(error.code).toBe(PolicyErrorCode.KeyringRequired);
    expect(error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '/purposes/0/fields/trackId keyring_required',
      '/purposes/2/fields/trackId keyring_required',
    ]);
    expect(error.issues[0].es).toContain('TAMIZ_PSEUDONYM_SECRET');
  });

  it('should compile a policy without pseudonyms with no keyring', () => {
    const doc = pePolicyDoc();
    delete doc.purposes[0].fields.trackId;
    delete doc.purposes[2].fields.trackId;
    expect(policyUsesPseudonyms(doc)).toBe(false);
    expect(policyUsesPseudonyms(pePolicyDoc())).toBe(true);
    expect(compilePolicy(doc).policy?.id).toBe('pe-fixture');
  });

  it('should give the same bytes for the same event, across compilations and keyrings', () => {
    const again = hkdfKeyring(Buffer.alloc(32, 7));
    expect(bytesOf(pePolicyDoc(), again)).toBe(bytesOf(pePolicyDoc()));
  });

  it('should give the same bytes for the YAML and JSON forms, in any key order', () => {
    const doc = pePolicyDoc() as unknown as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const fromJson = parsePolicyText(JSON.stringify(reordered), 'json');
    const fromYaml = parsePolicyText(stringify(doc), 'yaml');
    expect(bytesOf(fromJson)).toBe(bytesOf(pePolicyDoc()));
    expect(bytesOf(fromYaml)).toBe(bytesOf(pePolicyDoc()));
  });

  it('should not be affected by later changes to the document it compiled', () => {
    const doc = pePolicyDoc();
    const evaluator = compilePolicy(doc, { keyring: TEST_KEYRING });
    const input = { event: event(), camera: peCamera('cam-mf-002') };
    const before = serializeDecision(evaluator.evaluate(input).decision);
    doc.purposes[0].fields = { zone: 'keep' };
    doc.purposes[0].analytics = ['other'];
    expect(serializeDecision(evaluator.evaluate(input).decision)).toBe(before);
    expect(Object.isFrozen(evaluator)).toBe(true);
    expect(Object.isFrozen(evaluator.policy)).toBe(true);
  });

  it('should not mutate the event it evaluates', () => {
    const input = { event: event(), camera: peCamera('cam-mf-002') };
    const before = JSON.stringify(input);
    compilePolicy(pePolicyDoc(), { keyring: TEST_KEYRING }).evaluate(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
