import { AUTHORISATION_REGISTER_TYPE, type UnsignedAuthorisationRegisterV1 } from '@lib/contracts';
import type { AuthorisationRegisterState } from '@lib/persistence';

/**
 * The register a governor decides with, from the database state: the authorisations registered
 * and not revoked, minimised to what the engine checks (id, purposes, scope, validity in UTC).
 * Issuer, case reference and who registered it stay here. Null while nothing was ever registered.
 */
export function authorisationRegisterRecord(
  state: AuthorisationRegisterState,
): UnsignedAuthorisationRegisterV1 | null {
  if (state.sequence === 0) {
    return null;
  }
  return {
    schema: AUTHORISATION_REGISTER_TYPE,
    sequence: state.sequence,
    authorisations: state.inForce.map((a) => ({
      id: a.authorisationId,
      purposes: [...a.purposes],
      scope: {
        ...(a.scope.watchlists ? { watchlists: [...a.scope.watchlists] } : {}),
        ...(a.scope.cameras ? { cameras: [...a.scope.cameras] } : {}),
      },
      validFrom: new Date(a.validFrom).toISOString(),
      validUntil: new Date(a.validUntil).toISOString(),
    })),
  };
}
