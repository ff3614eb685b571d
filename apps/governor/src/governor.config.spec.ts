import { generateKeyPairSync } from 'node:crypto';
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
      'TAMIZ_LOG_LEVEL',
      'DATABASE_URL',
      'TAMIZ_MAX_EVENT_BYTES',
      'TAMIZ_HTTP_PORT',
    ]);
    // a sensitive value is never echoed back
    expect(error.message).not.toContain('s3cret');
  });

  it.each([
    ['hex', 'ab'.repeat(32)],
    ['base64', Buffer.alloc(32, 7).toString('base64')],
  ])('should read a %s pseudonym secret as its bytes', (_format, raw) => {
    const config = loadGovernorConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      TAMIZ_PSEUDONYM_SECRET: raw,
    });
    expect(config.pseudonymSecret?.length).toBe(32);
  });

  it.each([
    ['too short', 'ab'.repeat(16), /at least 32 random bytes, got 16/],
    ['neither hex nor base64', 'not a secret!', /expected hex or padded base64/],
  ])('should refuse a pseudonym secret that is %s, never echoing it', (_what, raw, message) => {
    const error = captureError(() =>
      loadGovernorConfig({ KAFKA_BROKERS: '127.0.0.1:9092', TAMIZ_PSEUDONYM_SECRET: raw }),
    );
    expect(error.problems).toEqual([expect.stringMatching(message)]);
    expect(error.problems[0]).toMatch(/^TAMIZ_PSEUDONYM_SECRET=\*\*\*: /);
    expect(error.message).not.toContain(raw);
  });

  it('should read the bundle public keys as base64 SPKI DER and refuse anything but Ed25519', () => {
    const der = (type: 'ed25519' | 'x25519') =>
      generateKeyPairSync(type as 'ed25519')
        .publicKey.export({ type: 'spki', format: 'der' })
        .toString('base64');
    const config = loadGovernorConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      TAMIZ_POLICY_PUBLIC_KEYS: `k1=${der('ed25519')}, k2=${der('ed25519')}`,
    });
    expect(Object.keys(config.policyPublicKeys ?? {})).toEqual(['k1', 'k2']);
    for (const bad of [
      `k1=${der('x25519')}`,
      'k1=not-a-key',
      'nokey',
      `k1=${der('ed25519')},k1=${der('ed25519')}`,
    ]) {
      const error = captureError(() =>
        loadGovernorConfig({ KAFKA_BROKERS: '127.0.0.1:9092', TAMIZ_POLICY_PUBLIC_KEYS: bad }),
      );
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatch(/^TAMIZ_POLICY_PUBLIC_KEYS/);
    }
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
