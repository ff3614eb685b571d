import { generateKeyPairSync } from 'node:crypto';
import { POLICY_BUNDLE_TYPE, type UnsignedPolicyBundleV1 } from '@lib/contracts';
import { policyHash } from './compile-policy';
import { BundleRejection, signPolicyBundle, verifyPolicyBundle } from './policy-bundle';

describe('policy bundles', () => {
  const keys = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const document = { apiVersion: 'tamiz/v2', metadata: { id: 'p', version: '3' } };
  const unsigned: UnsignedPolicyBundleV1 = {
    schema: POLICY_BUNDLE_TYPE,
    sequence: 7,
    policyId: 'p',
    version: '3',
    hash: policyHash(document),
    activatedAt: '2026-11-26T18:00:00Z',
    authoredBy: 'dpo-a',
    approvedBy: 'dpo-b',
    document,
  };
  const keyring = { k1: keys.publicKey };

  it('verifies what it signs, whatever the key order of the JSON it travelled as', () => {
    const bundle = signPolicyBundle(unsigned, { keyId: 'k1', privateKey: keys.privateKey });
    const reordered: unknown = JSON.parse(JSON.stringify({ ...bundle, sequence: 7 }));
    expect(verifyPolicyBundle(reordered, keyring)).toEqual({ ok: true, bundle: reordered });
  });

  it('accepts PEM keys', () => {
    const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const bundle = signPolicyBundle(unsigned, { keyId: 'k1', privateKey: pem });
    const pub = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyPolicyBundle(bundle, { k1: pub }).ok).toBe(true);
  });

  it.each([
    ['a changed document', { document: { ...document, extra: 1 } }, BundleRejection.BadSignature],
    ['a raised sequence', { sequence: 8 }, BundleRejection.BadSignature],
    [
      'an unknown key id',
      { signature: { alg: 'Ed25519', keyId: 'zz', value: 'AA==' } },
      BundleRejection.UnknownKey,
    ],
    ['no signature', { signature: undefined }, BundleRejection.Malformed],
    ['a wrong schema', { schema: 'x' }, BundleRejection.Malformed],
  ])('rejects %s', (_name, change, code) => {
    const bundle = {
      ...signPolicyBundle(unsigned, { keyId: 'k1', privateKey: keys.privateKey }),
      ...change,
    };
    expect(verifyPolicyBundle(bundle, keyring)).toMatchObject({ ok: false, code });
  });

  it('rejects a bundle signed by a key that is not the one named', () => {
    const bundle = signPolicyBundle(unsigned, { keyId: 'k1', privateKey: other.privateKey });
    expect(verifyPolicyBundle(bundle, keyring)).toMatchObject({
      ok: false,
      code: BundleRejection.BadSignature,
    });
  });

  it('rejects a correctly signed bundle whose hash is not its document’s', () => {
    const bundle = signPolicyBundle(
      { ...unsigned, hash: '0'.repeat(64) },
      { keyId: 'k1', privateKey: keys.privateKey },
    );
    expect(verifyPolicyBundle(bundle, keyring)).toMatchObject({
      ok: false,
      code: BundleRejection.HashMismatch,
    });
  });

  it.each([null, 3, 'x', [], {}])('never throws on %p', (raw) => {
    expect(verifyPolicyBundle(raw, keyring)).toMatchObject({ ok: false });
  });
});
