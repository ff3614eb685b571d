import { randomBytes } from 'node:crypto';
import { ConfigError } from '@lib/common';
import { policyUsesPseudonyms } from '@lib/policy';
import { hkdfKeyring, type PseudonymKeyring } from '@lib/redaction';

/**
 * The pseudonym keyring a policy is compiled with, from TAMIZ_PSEUDONYM_SECRET. Without the
 * secret, a policy that pseudonymises stops the process: a per-process key would change every
 * pseudonym at each restart and break linkage within a period. Any other policy gets a random
 * secret, which it never uses.
 */
export function policyKeyring(doc: unknown, secret: Uint8Array | undefined): PseudonymKeyring {
  if (secret !== undefined) {
    return hkdfKeyring(Buffer.from(secret));
  }
  if (policyUsesPseudonyms(doc)) {
    throw new ConfigError([
      'TAMIZ_PSEUDONYM_SECRET: required, the policy pseudonymises fields (at least 32 random bytes, hex or base64)',
    ]);
  }
  return hkdfKeyring(randomBytes(32));
}
