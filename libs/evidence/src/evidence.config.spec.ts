import { ConfigError } from '@lib/common';
import { loadEvidenceConfig } from './evidence.config';

describe('loadEvidenceConfig', () => {
  it('has defaults: ./data/evidence, one redaction per core, quality 80', () => {
    const config = loadEvidenceConfig({});
    expect(config.evidenceDir).toBe('./data/evidence');
    expect(config.snapshotConcurrency).toBeGreaterThanOrEqual(1);
    expect(config.snapshotBacklog).toBe(4 * config.snapshotConcurrency);
    expect(config.snapshotQuality).toBe(80);
  });

  it('names every bad key at once', () => {
    let error: unknown;
    try {
      loadEvidenceConfig({
        TAMIZ_SNAPSHOT_CONCURRENCY: '0',
        TAMIZ_SNAPSHOT_BACKLOG: 'many',
        TAMIZ_SNAPSHOT_QUALITY: '101',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const key of [
      'TAMIZ_SNAPSHOT_CONCURRENCY',
      'TAMIZ_SNAPSHOT_BACKLOG',
      'TAMIZ_SNAPSHOT_QUALITY',
    ]) {
      expect(message).toContain(key);
    }
  });
});
