import type { PolicyBundleV1 } from '@lib/contracts';
import { policyVersion } from '../../../../test/factories/policy-version.factory';
import { PublicationDisagreement, publicationAgreement } from './publication-agreement';

function bundle(overrides: Partial<PolicyBundleV1> = {}): PolicyBundleV1 {
  return {
    schema: 'tamiz.policy-bundle.v1',
    sequence: 2,
    policyId: 'lima',
    version: '2',
    hash: 'b'.repeat(64),
    activatedAt: '2026-11-26T12:00:00.000Z',
    authoredBy: 'ana',
    approvedBy: 'bruno',
    document: {},
    signature: { alg: 'Ed25519', keyId: 'k1', value: 'AAAA' },
    ...overrides,
  };
}

const active = policyVersion({ state: 'active', activationSequence: 1 });
const candidate = policyVersion({
  versionId: 'v-2',
  versionNumber: 2,
  contentHash: 'b'.repeat(64),
});

describe(publicationAgreement.name, () => {
  it('should find a newer activation of an approved version: landed but not recorded', () => {
    expect(
      publicationAgreement({
        bundle: bundle(),
        foreign: false,
        active,
        maxSequence: 1,
        versions: [candidate],
      }),
    ).toEqual({ kind: 'landed_unrecorded', version: candidate });
  });

  it.each([
    ['nothing activated and nothing published', null, null, 0],
    [
      'the active version published',
      bundle({ sequence: 1, version: '1', hash: 'a'.repeat(64) }),
      active,
      1,
    ],
  ])('should be in sync with %s', (_label, b, a, maxSequence) => {
    expect(
      publicationAgreement({ bundle: b, foreign: false, active: a, maxSequence, versions: [] }),
    ).toEqual({ kind: 'in_sync' });
  });

  it.each([
    [
      'a bundle another key signed',
      { bundle: null, foreign: true },
      PublicationDisagreement.ForeignBundle,
    ],
    ['an empty topic after an activation', { bundle: null }, PublicationDisagreement.TopicBehind],
    ['a topic behind the database', { maxSequence: 3 }, PublicationDisagreement.TopicBehind],
    [
      'a newer bundle of no approved version',
      { versions: [] },
      PublicationDisagreement.UnknownVersion,
    ],
    [
      'a newer bundle approved by someone else',
      { versions: [{ ...candidate, approverId: 'eva' }] },
      PublicationDisagreement.UnknownVersion,
    ],
    [
      'the same sequence with other content',
      { bundle: bundle({ sequence: 1 }) },
      PublicationDisagreement.Mismatch,
    ],
  ])('should report %s', (_label, change, reason) => {
    expect(
      publicationAgreement({
        bundle: bundle(),
        foreign: false,
        active,
        maxSequence: 1,
        versions: [candidate],
        ...change,
      }),
    ).toEqual({ kind: 'disagree', reason });
  });
});
