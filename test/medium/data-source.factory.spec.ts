import { openDataSource, PersistenceError, PersistenceErrorCode } from '@lib/persistence';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  TEST_DRIVERS,
  withAdmin,
  type TestDatabase,
  type TestDriver,
} from './utils/test-database';

describe(openDataSource.name, () => {
  describe.each(TEST_DRIVERS)('on $driver', ({ driver }) => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await createTestDatabase(driver);
    });

    afterEach(async () => {
      await db.drop();
    });

    it('should fail with a non-retriable migration error when a migration cannot apply', async () => {
      // A table the first migration is about to create, left by something else.
      await rawQuery(driver, db, 'CREATE TABLE cameras (id integer)');

      const error = await captureError(openDataSource(db.options));

      expect(error).toBeInstanceOf(PersistenceError);
      expect(error).toMatchObject({ code: PersistenceErrorCode.MigrationFailed, retriable: false });
    });
  });

  it('should open the SQLite file in WAL mode when no database URL is set', async () => {
    const db = await createTestDatabase('sqlite');
    const dataSource = await openDataSource(db.options);
    try {
      expect(dataSource.options.type).toBe('better-sqlite3');
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it('should fail with a non-retriable connection error when the SQLite file cannot be created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tamiz-medium-'));
    const notADirectory = join(dir, 'file');
    await writeFile(notADirectory, '');
    try {
      const error = await captureError(
        openDataSource({ sqlitePath: join(notADirectory, 'tamiz.sqlite') }),
      );

      expect(error).toMatchObject({
        code: PersistenceErrorCode.ConnectionFailed,
        retriable: false,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('should fail with a retriable connection error when PostgreSQL refuses the connection', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error = await captureError(
      openDataSource({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', sqlitePath: 'unused' }),
    );

    expect(error).toMatchObject({ code: PersistenceErrorCode.ConnectionFailed, retriable: true });
    expect((error as Error).message).not.toContain('postgres://');
  });
});

async function rawQuery(driver: TestDriver, db: TestDatabase, sql: string): Promise<void> {
  if (driver === 'postgres') {
    await withAdmin((admin) => admin.query(`SET search_path TO "${db.options.schema}"; ${sql}`));
    return;
  }
  const sqlite = new DataSource({ type: 'better-sqlite3', database: db.options.sqlitePath });
  await sqlite.initialize();
  try {
    await sqlite.query(sql);
  } finally {
    await sqlite.destroy();
  }
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
