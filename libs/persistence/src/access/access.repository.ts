import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import type { ApiTokenInfo, TokenScope, User, UserRole } from '../admin.types';
import { guardQuery } from '../query-guard.util';
import { ApiTokenEntity } from './api-token.entity';
import { UserEntity } from './user.entity';

const TOKEN_PREFIX = 'tmz_';

/** SHA-256 (hex) of a bearer token: the only form in which a token is stored or compared. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface Authenticated {
  user: User;
  token: ApiTokenInfo;
  /** True on the token's first use: the start of a session worth an audit record. */
  firstUse: boolean;
}

/** Users and API tokens. IO only: ids and token bytes come from node:crypto here. */
export class AccessRepository {
  private readonly users: Repository<UserEntity>;
  private readonly tokens: Repository<ApiTokenEntity>;

  constructor(dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
    this.tokens = dataSource.getRepository(ApiTokenEntity);
  }

  createUser(args: { displayName: string; role: UserRole; now: Date }): Promise<User> {
    return guardQuery('AccessRepository.createUser', async () => {
      const row: UserEntity = {
        userId: randomUUID(),
        displayName: args.displayName,
        role: args.role,
        disabled: false,
        createdAt: args.now.toISOString(),
      };
      await this.users.insert(row);
      return toUser(row);
    });
  }

  listUsers(): Promise<User[]> {
    return guardQuery('AccessRepository.listUsers', async () =>
      (await this.users.find()).map(toUser).sort((a, b) => cmp(a.createdAt, b.createdAt)),
    );
  }

  findUser(userId: string): Promise<User | null> {
    return guardQuery('AccessRepository.findUser', async () => {
      const row = await this.users.findOneBy({ userId });
      return row ? toUser(row) : null;
    });
  }

  /** Returns the updated user, or null when it does not exist. */
  setUserDisabled(userId: string, disabled: boolean): Promise<User | null> {
    return guardQuery('AccessRepository.setUserDisabled', async () => {
      const result = await this.users.update({ userId }, { disabled });
      if ((result.affected ?? 0) === 0) {
        return null;
      }
      return toUser(await this.users.findOneByOrFail({ userId }));
    });
  }

  /** Issues a new token; the returned `token` text exists nowhere else and is never stored. */
  issueToken(args: {
    userId: string;
    scopes: TokenScope[];
    expiresAt: Date;
    now: Date;
  }): Promise<{ token: string; info: ApiTokenInfo }> {
    return guardQuery('AccessRepository.issueToken', async () => {
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row: ApiTokenEntity = {
        tokenId: randomUUID(),
        userId: args.userId,
        tokenHash: hashApiToken(token),
        scopes: [...args.scopes],
        createdAt: args.now.toISOString(),
        expiresAt: args.expiresAt.toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await this.tokens.insert(row);
      return { token, info: toTokenInfo(row) };
    });
  }

  /**
   * The user behind a bearer token, if the token is known, unrevoked and unexpired and the user
   * is enabled; records the use. Null otherwise, without saying which check failed.
   */
  authenticate(token: string, now: Date): Promise<Authenticated | null> {
    return guardQuery('AccessRepository.authenticate', async () => {
      const row = await this.tokens.findOneBy({ tokenHash: hashApiToken(token) });
      const at = now.toISOString();
      if (!row || row.revokedAt !== null || row.expiresAt <= at) {
        return null;
      }
      const user = await this.users.findOneBy({ userId: row.userId });
      if (!user || user.disabled) {
        return null;
      }
      const firstUse = row.lastUsedAt === null;
      await this.tokens.update({ tokenId: row.tokenId }, { lastUsedAt: at });
      return { user: toUser(user), token: toTokenInfo({ ...row, lastUsedAt: at }), firstUse };
    });
  }

  listTokens(userId: string): Promise<ApiTokenInfo[]> {
    return guardQuery('AccessRepository.listTokens', async () =>
      (await this.tokens.findBy({ userId }))
        .map(toTokenInfo)
        .sort((a, b) => cmp(a.createdAt, b.createdAt)),
    );
  }

  findToken(tokenId: string): Promise<ApiTokenInfo | null> {
    return guardQuery('AccessRepository.findToken', async () => {
      const row = await this.tokens.findOneBy({ tokenId });
      return row ? toTokenInfo(row) : null;
    });
  }

  /** Revokes a token; false when unknown. Revoking twice keeps the first time. */
  revokeToken(tokenId: string, now: Date): Promise<boolean> {
    return guardQuery('AccessRepository.revokeToken', async () => {
      const row = await this.tokens.findOneBy({ tokenId });
      if (!row) {
        return false;
      }
      if (row.revokedAt === null) {
        await this.tokens.update({ tokenId }, { revokedAt: now.toISOString() });
      }
      return true;
    });
  }
}

function toUser(row: UserEntity): User {
  return {
    userId: row.userId,
    displayName: row.displayName,
    role: row.role as UserRole,
    disabled: Boolean(row.disabled),
    createdAt: row.createdAt,
  };
}

function toTokenInfo(row: ApiTokenEntity): ApiTokenInfo {
  return {
    tokenId: row.tokenId,
    userId: row.userId,
    scopes: [...row.scopes] as TokenScope[],
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
