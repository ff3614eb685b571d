import { runUsersCreate } from '../../apps/cli/src/users-create.service';
import { AccessRepository, AuditRepository, openDataSource } from '@lib/persistence';
import { fixedClock } from '@lib/common';
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from './utils/test-database';

describe.each(TEST_DRIVERS)('tamiz users create on $driver', ({ driver }) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(driver);
  });

  afterEach(async () => {
    await db.drop();
  });

  it('should create an admin whose printed token authenticates, and audit it', async () => {
    const out: string[] = [];
    const env = db.options.databaseUrl
      ? {
          DATABASE_URL: `${db.options.databaseUrl}?options=-c%20search_path%3D${db.options.schema}`,
        }
      : { TAMIZ_SQLITE_PATH: db.options.sqlitePath };
    const code = await runUsersCreate({
      role: 'admin',
      name: 'Primera Admin',
      expiresInDays: 30,
      env,
      output: { out: (l) => out.push(l), err: () => undefined },
      clock: fixedClock('2026-11-26T10:00:00.000Z'),
    });

    expect(code).toBe(0);
    const token = out.find((l) => l.startsWith('token: '))?.slice('token: '.length) ?? '';
    const dataSource = await openDataSource(db.options);
    try {
      const found = await new AccessRepository(dataSource).authenticate(
        token,
        new Date('2026-11-27T00:00:00.000Z'),
      );
      expect(found?.user).toMatchObject({ role: 'admin', displayName: 'Primera Admin' });
      expect(found?.token.expiresAt).toBe('2026-12-26T10:00:00.000Z');
      expect((await new AuditRepository(dataSource).list())[0]).toMatchObject({
        actorId: 'cli',
        action: 'user.create',
      });
    } finally {
      await dataSource.destroy();
    }
  });
});
