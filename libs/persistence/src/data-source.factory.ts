import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './data-source-options.util';
import { PersistenceError, PersistenceErrorCode } from './persistence.error';

/**
 * Connects and brings the schema up to date. Connecting and migrating are separate steps (rather
 * than `migrationsRun` inside `initialize`) so a failure says which of the two went wrong: an
 * unreachable database is worth retrying, a failed migration is not.
 */
export async function openDataSource(options: PersistenceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions(options), migrationsRun: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    await destroyQuietly(dataSource);
    throw PersistenceError.from({
      code: PersistenceErrorCode.ConnectionFailed,
      message: `Cannot open the ${describe(options)} database`,
      cause: error,
    });
  }

  try {
    // One transaction for all pending migrations: a failure leaves the schema as it was.
    await dataSource.runMigrations({ transaction: 'all' });
  } catch (error) {
    await destroyQuietly(dataSource);
    throw new PersistenceError({
      code: PersistenceErrorCode.MigrationFailed,
      message: `Migrations failed on the ${describe(options)} database`,
      cause: error,
    });
  }
  return dataSource;
}

function describe(options: PersistenceOptions): string {
  // Never the URL itself: it may carry a password.
  return options.databaseUrl ? 'PostgreSQL' : `SQLite (${options.sqlitePath})`;
}

async function destroyQuietly(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) {
    // The original error is the one worth reporting; a failing close adds nothing.
    await dataSource.destroy().catch(() => undefined);
  }
}
