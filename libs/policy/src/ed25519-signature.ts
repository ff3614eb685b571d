import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { PolicyBundleSignature } from '@lib/contracts';
import { canonicalJson } from './canonical-json';

export interface BundleSigner {
  keyId: string;
  /** Ed25519 private key, PEM (PKCS#8) or a KeyObject. */
  privateKey: string | KeyObject;
}

/** keyId → Ed25519 public key (PEM, SPKI) or KeyObject. */
export type BundleKeyring = Readonly<Record<string, string | KeyObject>>;

/**
 * Ed25519 over the canonical JSON of a record without its `signature`: what policy bundles and
 * the register of authorisations carry. Ed25519 is deterministic, so a record signed twice with
 * one key has the same bytes.
 */
export function ed25519Signature(unsigned: object, signer: BundleSigner): PolicyBundleSignature {
  const key =
    typeof signer.privateKey === 'string' ? createPrivateKey(signer.privateKey) : signer.privateKey;
  const value = sign(null, Buffer.from(canonicalJson(unsigned), 'utf8'), key).toString('base64');
  return { alg: 'Ed25519', keyId: signer.keyId, value };
}

/** Checks a signature made by `ed25519Signature`; never throws (a bad key is a bad signature). */
export function checkEd25519Signature(args: {
  unsigned: object;
  signature: PolicyBundleSignature;
  keyring: BundleKeyring;
}): 'ok' | 'unknown_key' | 'bad_signature' {
  const publicKey = args.keyring[args.signature.keyId];
  if (publicKey === undefined) {
    return 'unknown_key';
  }
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    const valid = verify(
      null,
      Buffer.from(canonicalJson(args.unsigned), 'utf8'),
      key,
      Buffer.from(args.signature.value, 'base64'),
    );
    return valid ? 'ok' : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}
