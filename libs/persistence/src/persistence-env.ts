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

/** How often a process re-reads the camera registry it keeps in memory. */
export interface CameraRefreshEnvConfig {
  cameraRefreshMs: number;
}

/** Shared by the governor and the ingress, so one variable sets both in a deployment. */
export const CAMERA_REFRESH_ENV: EnvSchema<CameraRefreshEnvConfig> = {
  cameraRefreshMs: {
    env: 'TAMIZ_CAMERA_REFRESH_MS',
    default: 30_000,
    description: 'how often the camera registry is re-read from the database',
    parse: parsers.int({ min: 1_000, max: 3_600_000 }),
  },
};
