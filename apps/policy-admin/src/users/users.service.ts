import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import {
  AccessRepository,
  type ApiTokenInfo,
  type TokenScope,
  type User,
  type UserRole,
} from '@lib/persistence';
import { AdminError } from '../admin.error';
import { AuditService } from '../audit/audit.service';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG } from '../tokens';

const DAY_MS = 86_400_000;

/** Users and their API tokens (admin). A token's text is returned once, when issued. */
@Injectable()
export class UsersService {
  constructor(
    private readonly access: AccessRepository,
    private readonly audit: AuditService,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(actorId: string, body: { displayName: string; role: UserRole }): Promise<User> {
    const user = await this.access.createUser({ ...body, now: this.clock.now() });
    await this.record(actorId, 'user.create', 'user', user.userId, { role: user.role });
    return user;
  }

  list(): Promise<User[]> {
    return this.access.listUsers();
  }

  async setDisabled(actorId: string, userId: string, disabled: boolean): Promise<User> {
    const user = await this.access.setUserDisabled(userId, disabled);
    if (!user) {
      throw AdminError.notFound('el usuario/user', userId);
    }
    await this.record(actorId, disabled ? 'user.disable' : 'user.enable', 'user', userId, {});
    return user;
  }

  async issueToken(args: {
    actorId: string;
    userId: string;
    scopes?: TokenScope[];
    expiresInDays?: number;
  }): Promise<ApiTokenInfo & { token: string }> {
    if (!(await this.access.findUser(args.userId))) {
      throw AdminError.notFound('el usuario/user', args.userId);
    }
    const now = this.clock.now();
    const { token, info } = await this.access.issueToken({
      userId: args.userId,
      scopes: args.scopes ?? ['read', 'write'],
      expiresAt: new Date(
        now.getTime() + (args.expiresInDays ?? this.config.tokenTtlDays) * DAY_MS,
      ),
      now,
    });
    await this.record(args.actorId, 'token.issue', 'api_token', info.tokenId, {
      userId: args.userId,
      scopes: info.scopes,
    });
    return { ...info, token };
  }

  async listTokens(userId: string): Promise<ApiTokenInfo[]> {
    if (!(await this.access.findUser(userId))) {
      throw AdminError.notFound('el usuario/user', userId);
    }
    return this.access.listTokens(userId);
  }

  async revokeToken(actorId: string, tokenId: string): Promise<ApiTokenInfo> {
    if (!(await this.access.revokeToken(tokenId, this.clock.now()))) {
      throw AdminError.notFound('el token/token', tokenId);
    }
    await this.record(actorId, 'token.revoke', 'api_token', tokenId, {});
    return (await this.access.findToken(tokenId)) as ApiTokenInfo;
  }

  private async record(
    actorId: string,
    action: string,
    type: string,
    id: string,
    details: Record<string, string | string[]>,
  ): Promise<void> {
    await this.audit.record({ actorId, action, target: { type, id }, details });
  }
}
