import { parsers, type EnvSchema } from '@lib/common';

/** Where a process keeps its data: PostgreSQL when `DATABASE_URL` is set, else a SQLite file. */
export interface PersistenceEnvConfig {
  databaseUrl: string | undefined;
  sqlitePath: string;
}

/** The env schema entries of `PersistenceEnvConfig`; an app spreads them into its own schema. */
export const PERSISTENCE_ENV: EnvSchema<PersistenceEnvConfig> = {
  databaseUrl: {
    env: 'DATABASE_URL',
    default: undefined,
    sensitive: true,
    description: 'PostgreSQL URL; SQLite is used when unset',
    parse: parsers.postgresUrl,
  },
  sqlitePath: {
    env: 'TAMIZ_SQLITE_PATH',
    default: './data/tamiz.sqlite',
    description: 'SQLite file when DATABASE_URL is unset',
    parse: parsers.string,
  },
};
