import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../http.types';
import { CLOCK, type Clock } from '@lib/common';
import { AccessRepository, type TokenScope, type UserRole } from '@lib/persistence';
import { AdminError, AdminErrorCode } from '../admin.error';
import { AuditService } from '../audit/audit.service';
import { ROLES_KEY, SCOPE_KEY, type RequestWithActor } from './roles.decorator';

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * Global guard: a valid bearer token (hash known, unrevoked, unexpired, user enabled), a role the
 * endpoint lists, and the token scope the method needs. The token's first use opens a session
 * and is audited.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest & RequestWithActor>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    const found = match ? await this.access.authenticate(match[1], this.clock.now()) : null;
    if (!found) {
      throw new AdminError({
        code: AdminErrorCode.Unauthenticated,
        es: 'Falta un token válido (Authorization: Bearer …).',
        en: 'A valid token is required (Authorization: Bearer …).',
      });
    }
    const { user, token } = found;
    if (found.firstUse) {
      await this.audit.record({
        actorId: user.userId,
        action: 'auth.session_start',
        target: { type: 'api_token', id: token.tokenId },
        details: { role: user.role },
      });
    }
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(user.role)) {
      throw forbidden(`el rol ${user.role} no tiene acceso`, `role ${user.role} has no access`);
    }
    const scope =
      this.reflector.getAllAndOverride<TokenScope | undefined>(SCOPE_KEY, targets) ??
      (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
    if (!token.scopes.includes(scope)) {
      throw forbidden(`el token no tiene el alcance ${scope}`, `the token lacks scope ${scope}`);
    }
    request.actor = {
      userId: user.userId,
      role: user.role,
      tokenId: token.tokenId,
      tokenExpiresAt: token.expiresAt,
      displayName: user.displayName,
    };
    return true;
  }
}

function forbidden(es: string, en: string): AdminError {
  return new AdminError({
    code: AdminErrorCode.Forbidden,
    es: `Acceso denegado: ${es}.`,
    en: `Access denied: ${en}.`,
  });
}
