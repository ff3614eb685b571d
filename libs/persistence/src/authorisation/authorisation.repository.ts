import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import type {
  Authorisation,
  AuthorisationRegisterState,
  AuthorisationUse,
  DecisionUse,
} from '../admin.types';
import { guardQuery } from '../query-guard.util';
import { AuthorisationUseEntity } from './authorisation-use.entity';
import { AuthorisationEntity } from './authorisation.entity';

/** Authorisations for face identification and targeted searches, and each recorded use. */
export class AuthorisationRepository {
  private readonly authorisations: Repository<AuthorisationEntity>;
  private readonly uses: Repository<AuthorisationUseEntity>;

  constructor(dataSource: DataSource) {
    this.authorisations = dataSource.getRepository(AuthorisationEntity);
    this.uses = dataSource.getRepository(AuthorisationUseEntity);
  }

  register(
    args: Omit<Authorisation, 'authorisationId' | 'registeredAt' | 'revokedAt' | 'revokedBy'> & {
      now: Date;
    },
  ): Promise<Authorisation> {
    return guardQuery('AuthorisationRepository.register', async () => {
      const row: AuthorisationEntity = {
        authorisationId: randomUUID(),
        issuer: args.issuer,
        caseRef: args.caseRef,
        purposes: [...args.purposes],
        scopeWatchlists: args.scope.watchlists ? [...args.scope.watchlists] : null,
        scopeCameras: args.scope.cameras ? [...args.scope.cameras] : null,
        validFrom: args.validFrom,
        validUntil: args.validUntil,
        registeredBy: args.registeredBy,
        registeredAt: args.now.toISOString(),
        revokedAt: null,
        revokedBy: null,
      };
      await this.authorisations.insert(row);
      return toAuthorisation(row);
    });
  }

  list(): Promise<Authorisation[]> {
    return guardQuery('AuthorisationRepository.list', async () =>
      (await this.authorisations.find({ order: { registeredAt: 'ASC' } })).map(toAuthorisation),
    );
  }

  /**
   * The register in force and its sequence, from one read: the sequence counts registrations
   * and revocations (a revocation happens once), so it grows with every change and the same
   * state always gives the same sequence.
   */
  registerState(): Promise<AuthorisationRegisterState> {
    return guardQuery('AuthorisationRepository.registerState', async () => {
      const rows = await this.authorisations.find({ order: { authorisationId: 'ASC' } });
      const inForce = rows.filter((row) => row.revokedAt === null);
      return {
        sequence: rows.length + (rows.length - inForce.length),
        inForce: inForce.map(toAuthorisation),
      };
    });
  }

  /** Which of these ids are registered (revoked ones included). */
  registeredIds(ids: readonly string[]): Promise<Set<string>> {
    return guardQuery('AuthorisationRepository.registeredIds', async () => {
      if (ids.length === 0) {
        return new Set<string>();
      }
      const rows = await this.authorisations.find({
        select: { authorisationId: true },
        where: { authorisationId: In([...new Set(ids)]) },
      });
      return new Set(rows.map((row) => row.authorisationId));
    });
  }

  findById(authorisationId: string): Promise<Authorisation | null> {
    return guardQuery('AuthorisationRepository.findById', async () => {
      const row = await this.authorisations.findOneBy({ authorisationId });
      return row ? toAuthorisation(row) : null;
    });
  }

  /** Revokes once; null when unknown. A second revocation keeps the first time and person. */
  revoke(args: { authorisationId: string; by: string; now: Date }): Promise<Authorisation | null> {
    return guardQuery('AuthorisationRepository.revoke', async () => {
      const row = await this.authorisations.findOneBy({ authorisationId: args.authorisationId });
      if (!row) {
        return null;
      }
      if (row.revokedAt === null) {
        row.revokedAt = args.now.toISOString();
        row.revokedBy = args.by;
        await this.authorisations.update(
          { authorisationId: row.authorisationId },
          { revokedAt: row.revokedAt, revokedBy: row.revokedBy },
        );
      }
      return toAuthorisation(row);
    });
  }

  recordUse(
    args: Omit<AuthorisationUse, 'useId' | 'usedAt' | 'eventId'> & { now: Date },
  ): Promise<AuthorisationUse> {
    return guardQuery('AuthorisationRepository.recordUse', async () => {
      const row: AuthorisationUseEntity = {
        useId: randomUUID(),
        authorisationId: args.authorisationId,
        usedAt: args.now.toISOString(),
        usedBy: args.usedBy,
        cameraId: args.cameraId,
        reference: args.reference,
        eventId: null,
      };
      await this.uses.insert(row);
      return { ...row };
    });
  }

  /**
   * Records the uses read from decisions; one per (authorisation, event) whatever the number of
   * times a decision is read (INSERT OR IGNORE / ON CONFLICT DO NOTHING on the unique index).
   */
  recordDecisionUses(uses: readonly DecisionUse[]): Promise<void> {
    return guardQuery('AuthorisationRepository.recordDecisionUses', async () => {
      if (uses.length === 0) {
        return;
      }
      const rows: AuthorisationUseEntity[] = uses.map((use) => ({
        useId: randomUUID(),
        authorisationId: use.authorisationId,
        usedAt: use.usedAt,
        usedBy: 'governor',
        cameraId: use.cameraId,
        reference: null,
        eventId: use.eventId,
      }));
      await this.uses.createQueryBuilder().insert().values(rows).orIgnore().execute();
    });
  }

  listUses(authorisationId: string): Promise<AuthorisationUse[]> {
    return guardQuery('AuthorisationRepository.listUses', async () =>
      (await this.uses.find({ where: { authorisationId }, order: { usedAt: 'ASC' } })).map(
        (row) => ({ ...row }),
      ),
    );
  }
}

function toAuthorisation(row: AuthorisationEntity): Authorisation {
  return {
    authorisationId: row.authorisationId,
    issuer: row.issuer,
    caseRef: row.caseRef,
    purposes: [...row.purposes],
    scope: {
      ...(row.scopeWatchlists ? { watchlists: [...row.scopeWatchlists] } : {}),
      ...(row.scopeCameras ? { cameras: [...row.scopeCameras] } : {}),
    },
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    registeredBy: row.registeredBy,
    registeredAt: row.registeredAt,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
  };
}
