import { ConfigError } from '@lib/common';
import { loadGovernorConfig } from './governor.config';

describe('loadGovernorConfig', () => {
  it('should apply defaults when only the brokers are given', () => {
    const config = loadGovernorConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config).toMatchObject({
      brokers: ['127.0.0.1:9092'],
      topicPrefix: 'tamiz.',
      groupId: 'tamiz-governor',
      sqlitePath: './data/tamiz.sqlite',
      maxEventBytes: 65_536,
      policyFile: undefined,
    });
  });

  it('should name every bad key in one error', () => {
    const error = captureError(() =>
      loadGovernorConfig({
        KAFKA_BROKERS: 'not a broker',
        TAMIZ_MAX_EVENT_BYTES: '12',
        TAMIZ_LOG_LEVEL: 'loud',
        TAMIZ_HTTP_PORT: 'eighty',
        DATABASE_URL: 'mysql://tamiz:s3cret@db:3306/tamiz',
      }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((p) => p.split(/[=:]/)[0])).toEqual([
      'KAFKA_BROKERS',
      'DATABASE_URL',
      'TAMIZ_MAX_EVENT_BYTES',
      'TAMIZ_HTTP_PORT',
      'TAMIZ_LOG_LEVEL',
    ]);
    // a sensitive value is never echoed back
    expect(error.message).not.toContain('s3cret');
  });

  it('should require the brokers', () => {
    expect(() => loadGovernorConfig({})).toThrow(/KAFKA_BROKERS: required/);
  });
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected an error');
}
