import {
  POLICY_BUNDLE_TYPE,
  type PolicyBundleV1,
  type UnsignedPolicyBundleV1,
} from '@lib/contracts';
import { policyHash } from './compile-policy';
import {
  checkEd25519Signature,
  ed25519Signature,
  type BundleKeyring,
  type BundleSigner,
} from './ed25519-signature';

export enum BundleRejection {
  Malformed = 'bundle_malformed',
  UnknownKey = 'bundle_unknown_key',
  BadSignature = 'bundle_bad_signature',
  HashMismatch = 'bundle_hash_mismatch',
}

export type BundleCheck =
  { ok: true; bundle: PolicyBundleV1 } | { ok: false; code: BundleRejection; detail: string };

/** Signs the canonical JSON of the bundle; the result is what policy-admin publishes. */
export function signPolicyBundle(
  unsigned: UnsignedPolicyBundleV1,
  signer: BundleSigner,
): PolicyBundleV1 {
  return { ...unsigned, signature: ed25519Signature(unsigned, signer) };
}

/**
 * Checks a bundle as read from the policies topic: shape, known key, Ed25519 signature over the
 * canonical JSON without `signature`, and that `hash` is the document's content hash.
 * Never throws on bad input: a governor logs the rejection and keeps its last good policy.
 */
export function verifyPolicyBundle(raw: unknown, keyring: BundleKeyring): BundleCheck {
  const shape = bundleShapeProblem(raw);
  if (shape) {
    return { ok: false, code: BundleRejection.Malformed, detail: shape };
  }
  const bundle = raw as PolicyBundleV1;
  const { signature, ...unsigned } = bundle;
  const checked = checkEd25519Signature({ unsigned, signature, keyring });
  if (checked !== 'ok') {
    const code =
      checked === 'unknown_key' ? BundleRejection.UnknownKey : BundleRejection.BadSignature;
    return { ok: false, code, detail: signature.keyId };
  }
  const hash = policyHash(bundle.document);
  if (hash !== bundle.hash) {
    return { ok: false, code: BundleRejection.HashMismatch, detail: hash };
  }
  return { ok: true, bundle };
}

function bundleShapeProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return 'not an object';
  }
  const b = raw as Record<string, unknown>;
  if (b.schema !== POLICY_BUNDLE_TYPE) {
    return 'schema';
  }
  if (typeof b.sequence !== 'number' || !Number.isSafeInteger(b.sequence) || b.sequence < 1) {
    return 'sequence';
  }
  for (const key of ['policyId', 'version', 'hash', 'activatedAt', 'authoredBy', 'approvedBy']) {
    if (typeof b[key] !== 'string' || b[key] === '') {
      return key;
    }
  }
  if (typeof b.document !== 'object' || b.document === null) {
    return 'document';
  }
  const s = b.signature as Record<string, unknown> | undefined;
  if (
    typeof s !== 'object' ||
    s === null ||
    s.alg !== 'Ed25519' ||
    typeof s.keyId !== 'string' ||
    typeof s.value !== 'string'
  ) {
    return 'signature';
  }
  return null;
}
