/**
 * The signed policy bundle, version 1: what policy-admin publishes to the compacted policies topic
 * when a DPO-approved version is activated, and what every governor switches to. The key of the
 * record is `POLICY_BUNDLE_KEY`, so compaction keeps exactly the bundle in force.
 *
 * The signature covers the canonical JSON of the bundle without `signature`; a governor ignores a
 * bundle whose signature, key or content hash does not check out and keeps its last good one.
 */
export const POLICY_BUNDLE_TYPE = 'tamiz.policy-bundle.v1';
export const POLICY_BUNDLE_KEY = 'active';

export interface PolicyBundleSignature {
  alg: 'Ed25519';
  /** Names the public key in the governor's keyring (TAMIZ_POLICY_PUBLIC_KEYS). */
  keyId: string;
  /** base64 */
  value: string;
}

export interface UnsignedPolicyBundleV1 {
  schema: typeof POLICY_BUNDLE_TYPE;
  /** Increases with every activation, rollbacks included: a governor never goes back to a lower one. */
  sequence: number;
  policyId: string;
  version: string;
  /** SHA-256 (hex) of the document's canonical JSON: the `policy.hash` every decision records. */
  hash: string;
  /** RFC 3339: when the activation took effect. */
  activatedAt: string;
  /** User ids: the author and the second DPO who approved (four eyes). */
  authoredBy: string;
  approvedBy: string;
  /** The policy document itself (tamiz/v1 or tamiz/v2), as JSON. */
  document: unknown;
}

export interface PolicyBundleV1 extends UnsignedPolicyBundleV1 {
  signature: PolicyBundleSignature;
}
