import type { DataSourceOptions, Logger } from 'typeorm';
import { ApiTokenEntity } from './access/api-token.entity';
import { UserEntity } from './access/user.entity';
import { AuditRecordEntity } from './audit/audit-record.entity';
import { AuthorisationUseEntity } from './authorisation/authorisation-use.entity';
import { AuthorisationEntity } from './authorisation/authorisation.entity';
import { CameraEntity } from './camera/camera.entity';
import { CreateCameraRegistry1764100000000 } from './migrations/1764100000000-create-camera-registry';
import { AddCameraTags1764200000000 } from './migrations/1764200000000-add-camera-tags';
import { CreatePolicyAdmin1764300000000 } from './migrations/1764300000000-create-policy-admin';
import { AddCameraVendorDevice1764400000000 } from './migrations/1764400000000-add-camera-vendor-device';
import { AddAuthorisationUseEvent1764450000000 } from './migrations/1764450000000-add-authorisation-use-event';
import { PolicyVersionEntity } from './policy-version/policy-version.entity';

export interface PersistenceOptions {
  /** PostgreSQL connection URL; when absent the app runs on the SQLite file at `sqlitePath`. */
  databaseUrl?: string;
  /** SQLite database file, e.g. `./data/tamiz.sqlite`; its directory is created on open. */
  sqlitePath: string;
  /** PostgreSQL schema for every table, migrations included; it must already exist. */
  schema?: string;
  /** Log every SQL statement (TypeORM's own logger). */
  logging?: boolean;
}

// Class references, not globs: globs resolve against .ts or .js depending on how the process
// was started, and silently match nothing in the other case.
const ENTITIES = [
  CameraEntity,
  UserEntity,
  ApiTokenEntity,
  PolicyVersionEntity,
  AuthorisationEntity,
  AuthorisationUseEntity,
  AuditRecordEntity,
];
const MIGRATIONS = [
  CreateCameraRegistry1764100000000,
  AddCameraTags1764200000000,
  CreatePolicyAdmin1764300000000,
  AddCameraVendorDevice1764400000000,
  AddAuthorisationUseEvent1764450000000,
];

// TypeORM prints a failed migration to the console even with logging off. The PersistenceError
// thrown by openDataSource already carries it, and our own logs are JSON lines only.
const SILENT_LOGGER: Logger = {
  logQuery: () => undefined,
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The committed migrations are the schema, in tests too: synchronize would hide a missing one.
    migrationsRun: true,
    synchronize: false,
    ...(options.logging ? { logging: true } : { logging: false, logger: SILENT_LOGGER }),
  } as const;

  if (options.databaseUrl) {
    return {
      ...common,
      type: 'postgres',
      url: options.databaseUrl,
      schema: options.schema,
      connectTimeoutMS: 10_000,
      // created_at/updated_at are `timestamp` (no zone) so the same entity works on SQLite;
      // pinning the session zone keeps now() in UTC whatever the server's default is.
      extra: { options: '-c timezone=UTC' },
    };
  }

  return {
    ...common,
    type: 'better-sqlite3',
    // The driver creates the parent directory before opening the file.
    database: options.sqlitePath,
    // WAL lets the governor read while a registry sync writes.
    enableWAL: true,
  };
}
