import { dataSourceOptions } from './data-source-options.util';

describe(dataSourceOptions.name, () => {
  it('should use SQLite in WAL mode at the given path when no database URL is set', () => {
    const options = dataSourceOptions({ sqlitePath: './data/tamiz.sqlite' });

    expect(options).toMatchObject({
      type: 'better-sqlite3',
      database: './data/tamiz.sqlite',
      enableWAL: true,
    });
  });

  it('should use PostgreSQL with the URL and schema when a database URL is set', () => {
    const options = dataSourceOptions({
      databaseUrl: 'postgres://tamiz@db:5432/tamiz',
      sqlitePath: './data/tamiz.sqlite',
      schema: 'tamiz',
    });

    expect(options).toMatchObject({
      type: 'postgres',
      url: 'postgres://tamiz@db:5432/tamiz',
      schema: 'tamiz',
    });
  });

  it.each([
    { driver: 'sqlite', databaseUrl: undefined },
    { driver: 'postgres', databaseUrl: 'postgres://tamiz@db/tamiz' },
  ])('should migrate and never synchronize on $driver', ({ databaseUrl }) => {
    const options = dataSourceOptions({ databaseUrl, sqlitePath: 'x.sqlite' });

    expect(options).toMatchObject({ migrationsRun: true, synchronize: false, logging: false });
    // Class references only: a glob string would depend on .ts vs compiled .js.
    for (const item of [...(options.entities as unknown[]), ...(options.migrations as unknown[])]) {
      expect(typeof item).toBe('function');
    }
  });
});
