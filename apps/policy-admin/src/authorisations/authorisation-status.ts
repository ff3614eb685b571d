import type { Authorisation } from '@lib/persistence';

export type AuthorisationStatus = 'pending' | 'active' | 'expired' | 'revoked';

/** Authorisations expire on their own: the status is read from the clock, never stored. */
export function authorisationStatus(a: Authorisation, now: Date): AuthorisationStatus {
  const at = now.toISOString();
  if (a.revokedAt !== null) {
    return 'revoked';
  }
  if (at < new Date(a.validFrom).toISOString()) {
    return 'pending';
  }
  return at > new Date(a.validUntil).toISOString() ? 'expired' : 'active';
}
