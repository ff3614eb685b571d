import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TokenScope, UserRole } from '@lib/persistence';

export const ROLES_KEY = 'tamiz:roles';
export const SCOPE_KEY = 'tamiz:scope';

/** The roles allowed on an endpoint. An endpoint without it refuses everyone (fail closed). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Overrides the token scope an endpoint needs (default: `read` for GET, else `write`). */
export const RequiresScope = (scope: TokenScope) => SetMetadata(SCOPE_KEY, scope);

/** Who is calling, as the auth guard established it. */
export interface Actor {
  userId: string;
  role: UserRole;
  tokenId: string;
  tokenExpiresAt: string;
  displayName: string;
}

export interface RequestWithActor {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) {
    // The guard runs first on every route; reaching here without an actor is a wiring bug.
    throw new Error('CurrentActor used on a route without the auth guard');
  }
  return actor;
});
