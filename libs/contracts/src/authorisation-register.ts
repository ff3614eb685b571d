import type { PolicyBundleSignature } from './policy-bundle';

/**
 * The signed register of authorisations, version 1: what policy-admin publishes to the compacted
 * policies topic, beside the policy bundle, every time a DPO registers or revokes an authorisation
 * for face identification or a targeted search. Its key is `AUTHORISATION_REGISTER_KEY`, so
 * compaction keeps exactly the register in force. A governor decides with the authorisations of
 * its policy document and these.
 *
 * Minimised to what the engine checks: no issuer, no case reference and no registering user. The
 * case reference and issuer identify a judicial case; decisions (kept 180 days, read by auditors
 * and operators' tooling) cite the authorisation id, and policy-admin resolves the id to the case
 * for whoever may read it. Revoked authorisations are absent; expired ones stay, because the
 * engine checks validity at the event's occurredAt and a late or replayed event keeps its answer.
 *
 * Signed like the bundle (Ed25519 over the canonical JSON without `signature`, same keyring).
 */
export const AUTHORISATION_REGISTER_TYPE = 'tamiz.authorisation-register.v1';
export const AUTHORISATION_REGISTER_KEY = 'authorisations';

export interface RegisteredAuthorisationV1 {
  /** The register's id; decisions that rely on it name `authorization:<id>` among their rules. */
  id: string;
  /** Purposes (policy purpose ids) it may serve. */
  purposes: string[];
  /** At least one list; an absent list does not restrict. */
  scope: { watchlists?: string[]; cameras?: string[] };
  /** RFC 3339, UTC; validity is [validFrom, validUntil], checked at the event's occurredAt. */
  validFrom: string;
  validUntil: string;
}

export interface UnsignedAuthorisationRegisterV1 {
  schema: typeof AUTHORISATION_REGISTER_TYPE;
  /**
   * Grows with every registration and revocation: a governor never goes back to a lower one. The
   * same database state always gives the same sequence and the same bytes.
   */
  sequence: number;
  /** In id order. */
  authorisations: RegisteredAuthorisationV1[];
}

export interface AuthorisationRegisterV1 extends UnsignedAuthorisationRegisterV1 {
  signature: PolicyBundleSignature;
}
