import { ConfigError } from '@lib/common';
import { loadIngestConfig } from './ingest.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadIngestConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems.map((p) => p.split(/[=:]/)[0]);
    }
    throw error;
  }
  return [];
}

describe('loadIngestConfig', () => {
  it('should read the camera registry from the same database settings as the governor', () => {
    const config = loadIngestConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      DATABASE_URL: 'postgres://tamiz@db:5432/tamiz',
      TAMIZ_CAMERA_REFRESH_MS: '5000',
    });

    expect(config).toMatchObject({
      databaseUrl: 'postgres://tamiz@db:5432/tamiz',
      sqlitePath: './data/tamiz.sqlite',
      cameraRefreshMs: 5_000,
    });
    expect(loadIngestConfig({ KAFKA_BROKERS: '127.0.0.1:9092' }).cameraRefreshMs).toBe(30_000);
  });

  it('should name every bad key in one error, the registry ones included', () => {
    expect(
      problemsOf({
        KAFKA_BROKERS: '127.0.0.1:9092',
        TAMIZ_CAMERA_REFRESH_MS: '10',
        DATABASE_URL: 'mysql://db/tamiz',
        TAMIZ_INGEST_HTTP_PORT: 'eighty',
        TAMIZ_TRANSACTIONAL_ID: 'ingest 1',
      }).sort(),
    ).toEqual([
      'DATABASE_URL',
      'TAMIZ_CAMERA_REFRESH_MS',
      'TAMIZ_INGEST_HTTP_PORT',
      'TAMIZ_TRANSACTIONAL_ID',
    ]);
  });

  it('should pin a replica transactional id only when one is given', () => {
    const base = { KAFKA_BROKERS: '127.0.0.1:9092' };
    expect(loadIngestConfig(base).transactionalId).toBeUndefined();
    expect(
      loadIngestConfig({ ...base, TAMIZ_TRANSACTIONAL_ID: 'tamiz-ingest-1' }).transactionalId,
    ).toBe('tamiz-ingest-1');
  });
});
