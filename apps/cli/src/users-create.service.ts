import { ConfigError, loadConfig, systemClock, type Clock } from '@lib/common';
import {
  AccessRepository,
  AuditRepository,
  PERSISTENCE_ENV,
  openDataSource,
  type PersistenceEnvConfig,
  type UserRole,
} from '@lib/persistence';
import { EXIT_FAILURE, EXIT_OK, type CliOutput } from './cli-output';

const DAY_MS = 86_400_000;

/**
 * `tamiz users create`: bootstraps a user (the first admin) with a read-write token, printed once
 * on stdout and never stored (only its SHA-256 is).
 */
export async function runUsersCreate(args: {
  role: UserRole;
  name: string;
  expiresInDays: number;
  env: NodeJS.ProcessEnv;
  output: CliOutput;
  clock?: Clock;
}): Promise<number> {
  let config: PersistenceEnvConfig;
  try {
    config = loadConfig(PERSISTENCE_ENV, args.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      args.output.err(error.message);
      return EXIT_FAILURE;
    }
    throw error;
  }
  const now = (args.clock ?? systemClock).now();
  const dataSource = await openDataSource(config);
  try {
    const access = new AccessRepository(dataSource);
    const user = await access.createUser({ displayName: args.name, role: args.role, now });
    const { token, info } = await access.issueToken({
      userId: user.userId,
      scopes: ['read', 'write'],
      expiresAt: new Date(now.getTime() + args.expiresInDays * DAY_MS),
      now,
    });
    await new AuditRepository(dataSource).append({
      actorId: 'cli',
      action: 'user.create',
      targetType: 'user',
      targetId: user.userId,
      details: { role: user.role, tokenId: info.tokenId },
      at: now,
    });
    args.output.out(`userId: ${user.userId}`);
    args.output.out(`role: ${user.role}`);
    args.output.out(`expiresAt: ${info.expiresAt}`);
    args.output.out(`token: ${token}`);
    args.output.err(
      'Guarde el token ahora: no se volverá a mostrar. / Store the token now: it is not shown again.',
    );
    return EXIT_OK;
  } finally {
    await dataSource.destroy();
  }
}
