import type { PersistenceOptions } from '@lib/persistence';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const TEST_DATABASE_URL =
  process.env.TAMIZ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An empty database nobody else uses: a new SQLite file, or a new PostgreSQL schema. */
export interface TestDatabase {
  options: PersistenceOptions;
  /** Deletes everything the database holds; call once every DataSource on it is closed. */
  drop(): Promise<void>;
}

export type TestDriver = 'sqlite' | 'postgres';

export const TEST_DRIVERS: ReadonlyArray<{ driver: TestDriver }> = [
  { driver: 'sqlite' },
  { driver: 'postgres' },
];

export async function createTestDatabase(driver: TestDriver): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'tamiz-medium-'));
  // A directory that does not exist yet, so every test also covers its creation.
  const sqlitePath = join(dir, 'data', 'tamiz.sqlite');
  const removeDir = () => rm(dir, { recursive: true, force: true });
  if (driver === 'sqlite') {
    return { options: { sqlitePath }, drop: removeDir };
  }

  // Random, so parallel workers and concurrent runs never share tables.
  const schema = `tamiz_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE SCHEMA "${schema}"`));
  return {
    options: { databaseUrl: TEST_DATABASE_URL, schema, sqlitePath },
    drop: async () => {
      await withAdmin((admin) => admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      await removeDir();
    },
  };
}

/** Runs raw SQL on the test database with a short-lived connection of its own. */
export async function withAdmin<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL });
  await admin.initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
