import {
  AUTHORISATION_REGISTER_TYPE,
  validateAuthorisationRegister,
  type AuthorisationRegisterV1,
  type UnsignedAuthorisationRegisterV1,
} from '@lib/contracts';
import {
  checkEd25519Signature,
  ed25519Signature,
  type BundleKeyring,
  type BundleSigner,
} from './ed25519-signature';
import { parseInstant } from './v2/event-time';

export enum RegisterRejection {
  Malformed = 'register_malformed',
  UnknownKey = 'register_unknown_key',
  BadSignature = 'register_bad_signature',
}

export type RegisterCheck =
  | { ok: true; register: AuthorisationRegisterV1 }
  | { ok: false; code: RegisterRejection; detail: string };

/** Signs the canonical JSON of the register, as policy bundles are signed (same keys). */
export function signAuthorisationRegister(
  unsigned: UnsignedAuthorisationRegisterV1,
  signer: BundleSigner,
): AuthorisationRegisterV1 {
  return { ...unsigned, signature: ed25519Signature(unsigned, signer) };
}

/**
 * Checks a register as read from the policies topic: the contract's JSON Schema, one entry per
 * id, validity instants the engine can read and in order, a known key and the Ed25519 signature.
 * Never throws: a governor logs the rejection and keeps the last good register.
 */
export function verifyAuthorisationRegister(raw: unknown, keyring: BundleKeyring): RegisterCheck {
  const issues = validateAuthorisationRegister(raw);
  if (issues.length > 0) {
    const first = issues[0];
    return { ok: false, code: RegisterRejection.Malformed, detail: first.path || first.code };
  }
  const register = raw as AuthorisationRegisterV1;
  const problem = entryProblem(register);
  if (problem !== null) {
    return { ok: false, code: RegisterRejection.Malformed, detail: problem };
  }
  const { signature, ...unsigned } = register;
  const checked = checkEd25519Signature({ unsigned, signature, keyring });
  if (checked !== 'ok') {
    const code =
      checked === 'unknown_key' ? RegisterRejection.UnknownKey : RegisterRejection.BadSignature;
    return { ok: false, code, detail: signature.keyId };
  }
  return { ok: true, register };
}

function entryProblem(register: AuthorisationRegisterV1): string | null {
  if (register.schema !== AUTHORISATION_REGISTER_TYPE) {
    return '/schema';
  }
  const ids = new Set<string>();
  for (const [i, entry] of register.authorisations.entries()) {
    if (ids.has(entry.id)) {
      return `/authorisations/${i}/id`;
    }
    ids.add(entry.id);
    const from = parseInstant(entry.validFrom);
    const until = parseInstant(entry.validUntil);
    if (!(from < until)) {
      return `/authorisations/${i}/validUntil`;
    }
  }
  return null;
}
