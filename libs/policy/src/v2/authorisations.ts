import type { Reason, RegisteredAuthorisationV1 } from '@lib/contracts';
import { parseInstant } from './event-time';
import type { AuthorisationV2 } from './policy-document-v2';
import type { EngineCitations } from './engine-citations';
import { authorisationReason, registeredAuthorisationReason } from './reasons-v2';

interface CompiledAuthorisation {
  id: string;
  watchlists: ReadonlySet<string> | null;
  cameras: ReadonlySet<string> | null;
  fromMs: number;
  untilMs: number;
  /** Per purpose it serves: the reason a forwarded decision gives. */
  reasons: ReadonlyMap<string, Reason>;
}

export enum AuthorisationStatus {
  Valid = 'valid',
  /** No authorisation serves the purpose. */
  Missing = 'missing',
  /** Some cover the event's watchlist and camera, none was in force at occurredAt. */
  Expired = 'expired',
  /** Some serve the purpose, none covers the event's watchlist and camera. */
  OutOfScope = 'out_of_scope',
}

export type AuthorisationCheck =
  | { status: AuthorisationStatus.Valid; ruleId: string; reason: Reason }
  | { status: Exclude<AuthorisationStatus, AuthorisationStatus.Valid> };

export interface AuthorisationQuery {
  purposeId: string;
  /** `identifiers.faceMatch.watchlist` of the event, if any. */
  watchlist: string | undefined;
  cameraId: string;
  /** The event's occurredAt. */
  atMs: number;
}

export interface AuthorisationRegister {
  check(query: AuthorisationQuery): AuthorisationCheck;
}

const MISSING = Object.freeze({ status: AuthorisationStatus.Missing } as const);
const EXPIRED = Object.freeze({ status: AuthorisationStatus.Expired } as const);
const OUT_OF_SCOPE = Object.freeze({ status: AuthorisationStatus.OutOfScope } as const);

/**
 * The policy's authorisations and those of policy-admin's register, by purpose, in id order.
 * Validity is checked at the event's occurredAt (both ends inclusive), never against a clock: a
 * replayed event gets the answer it got when it happened. Scope first, then time: an
 * authorisation that never covered this camera or watchlist says nothing about whether one was in
 * force. An id in both lists is the document's: the DPO-approved text wins, and a rule id names
 * one authorisation only.
 */
export function compileAuthorisations(args: {
  document: readonly AuthorisationV2[];
  registered?: readonly RegisteredAuthorisationV1[];
  citations: EngineCitations;
}): AuthorisationRegister {
  const { citations } = args;
  const compiled = new Map<string, CompiledAuthorisation>();
  for (const authorisation of args.document) {
    compiled.set(
      authorisation.id,
      compileOne(authorisation, (purposeId) =>
        authorisationReason({ purposeId, authorisation, citations }),
      ),
    );
  }
  for (const authorisation of args.registered ?? []) {
    if (!compiled.has(authorisation.id)) {
      compiled.set(
        authorisation.id,
        compileOne(authorisation, (purposeId) =>
          registeredAuthorisationReason({ purposeId, id: authorisation.id, citations }),
        ),
      );
    }
  }
  const byPurpose = new Map<string, CompiledAuthorisation[]>();
  const sorted = [...compiled.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const authorisation of sorted) {
    for (const purposeId of authorisation.reasons.keys()) {
      byPurpose.set(purposeId, [...(byPurpose.get(purposeId) ?? []), authorisation]);
    }
  }
  return Object.freeze({
    check: ({ purposeId, watchlist, cameraId, atMs }: AuthorisationQuery): AuthorisationCheck => {
      const candidates = byPurpose.get(purposeId);
      if (candidates === undefined) {
        return MISSING;
      }
      let inScope = false;
      for (const candidate of candidates) {
        const watchlistOk =
          candidate.watchlists === null ||
          (watchlist !== undefined && candidate.watchlists.has(watchlist));
        if (!watchlistOk || (candidate.cameras !== null && !candidate.cameras.has(cameraId))) {
          continue;
        }
        inScope = true;
        // written so that an unparsable occurredAt (NaN) is never in force
        if (atMs >= candidate.fromMs && atMs <= candidate.untilMs) {
          return {
            status: AuthorisationStatus.Valid,
            ruleId: `authorization:${candidate.id}`,
            reason: candidate.reasons.get(purposeId) as Reason,
          };
        }
      }
      return inScope ? EXPIRED : OUT_OF_SCOPE;
    },
  });
}

function compileOne(
  authorisation: Pick<AuthorisationV2, 'id' | 'purposes' | 'scope' | 'validFrom' | 'validUntil'>,
  reasonFor: (purposeId: string) => Reason,
): CompiledAuthorisation {
  return {
    id: authorisation.id,
    watchlists: authorisation.scope.watchlists ? new Set(authorisation.scope.watchlists) : null,
    cameras: authorisation.scope.cameras ? new Set(authorisation.scope.cameras) : null,
    fromMs: parseInstant(authorisation.validFrom),
    untilMs: parseInstant(authorisation.validUntil),
    reasons: new Map(authorisation.purposes.map((purposeId) => [purposeId, reasonFor(purposeId)])),
  };
}
