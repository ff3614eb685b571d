import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import {
  AuthorisationRepository,
  type Authorisation,
  type AuthorisationUse,
  type DecisionUse,
} from '@lib/persistence';
import { AdminError, AdminErrorCode } from '../admin.error';
import { AuditService } from '../audit/audit.service';
import { AuthorisationRegisterService } from './authorisation-register.service';
import { authorisationStatus, type AuthorisationStatus } from './authorisation-status';

export type AuthorisationView = Authorisation & { status: AuthorisationStatus };

/**
 * Authorisations for face identification and targeted searches. Every registration and
 * revocation is committed, then published to the governors (the register of authorisations);
 * each use is recorded, by hand or from the governors' decisions.
 */
@Injectable()
export class AuthorisationsService {
  constructor(
    private readonly authorisations: AuthorisationRepository,
    private readonly audit: AuditService,
    private readonly publication: AuthorisationRegisterService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(args: {
    actorId: string;
    body: Pick<
      Authorisation,
      'issuer' | 'caseRef' | 'purposes' | 'scope' | 'validFrom' | 'validUntil'
    >;
  }): Promise<AuthorisationView> {
    if (new Date(args.body.validUntil) <= new Date(args.body.validFrom)) {
      throw new AdminError({
        code: AdminErrorCode.InvalidBody,
        es: 'validUntil debe ser posterior a validFrom.',
        en: 'validUntil must be after validFrom.',
        issues: [{ path: '/validUntil', es: 'Anterior al inicio.', en: 'Before the start.' }],
      });
    }
    const created = await this.authorisations.register({
      ...args.body,
      registeredBy: args.actorId,
      now: this.clock.now(),
    });
    // The case reference and issuer identify a judicial case; the audit keeps only the id.
    await this.record(args.actorId, 'authorisation.register', created.authorisationId);
    // not awaited: the API answers once the change is committed; GET /authorisations/register
    // tells when the governors were sent it
    void this.publication.sync();
    return this.view(created);
  }

  async list(): Promise<AuthorisationView[]> {
    return (await this.authorisations.list()).map((a) => this.view(a));
  }

  async get(authorisationId: string): Promise<AuthorisationView & { uses: AuthorisationUse[] }> {
    const found = await this.authorisations.findById(authorisationId);
    if (!found) {
      throw AdminError.notFound('la autorización/authorisation', authorisationId);
    }
    return { ...this.view(found), uses: await this.authorisations.listUses(authorisationId) };
  }

  async revoke(actorId: string, authorisationId: string): Promise<AuthorisationView> {
    const revoked = await this.authorisations.revoke({
      authorisationId,
      by: actorId,
      now: this.clock.now(),
    });
    if (!revoked) {
      throw AdminError.notFound('la autorización/authorisation', authorisationId);
    }
    await this.record(actorId, 'authorisation.revoke', authorisationId);
    void this.publication.sync();
    return this.view(revoked);
  }

  /** Records one use; refused (409) unless the authorisation is active now. */
  async recordUse(args: {
    authorisationId: string;
    usedBy: string;
    cameraId?: string;
    reference?: string;
  }): Promise<AuthorisationUse> {
    const found = await this.get(args.authorisationId);
    if (found.status !== 'active') {
      throw new AdminError({
        code: AdminErrorCode.InvalidState,
        es: `La autorización no está vigente (${found.status}).`,
        en: `The authorisation is not in force (${found.status}).`,
      });
    }
    if (args.cameraId && found.scope.cameras && !found.scope.cameras.includes(args.cameraId)) {
      throw new AdminError({
        code: AdminErrorCode.Forbidden,
        es: 'La cámara está fuera del alcance de la autorización.',
        en: 'The camera is outside the authorisation scope.',
      });
    }
    const use = await this.authorisations.recordUse({
      authorisationId: args.authorisationId,
      usedBy: args.usedBy,
      cameraId: args.cameraId ?? null,
      reference: args.reference ?? null,
      now: this.clock.now(),
    });
    await this.record(args.usedBy, 'authorisation.use', args.authorisationId);
    return use;
  }

  /**
   * Records the uses the governors' decisions show. Only authorisations of this register: those
   * written in a policy document are part of the approved policy, not of the register.
   */
  async recordDecisionUses(uses: readonly DecisionUse[]): Promise<void> {
    if (uses.length === 0) {
      return;
    }
    const known = await this.authorisations.registeredIds(uses.map((u) => u.authorisationId));
    await this.authorisations.recordDecisionUses(uses.filter((u) => known.has(u.authorisationId)));
  }

  private view(a: Authorisation): AuthorisationView {
    return { ...a, status: authorisationStatus(a, this.clock.now()) };
  }

  private async record(actorId: string, action: string, id: string): Promise<void> {
    await this.audit.record({ actorId, action, target: { type: 'authorisation', id } });
  }
}
