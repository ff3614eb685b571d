import { ConfigError } from '@lib/common';
import { TEST_PSEUDONYM_SECRET_TEXT, loadCliConfig } from './cli.config';

describe(loadCliConfig.name, () => {
  it('should use the public test secret when none is given', () => {
    const { pseudonymSecret } = loadCliConfig({});
    expect(pseudonymSecret.toString('utf8')).toBe(TEST_PSEUDONYM_SECRET_TEXT);
    // hkdfKeyring refuses fewer than 32 bytes
    expect(pseudonymSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('should decode a hex secret', () => {
    const hex = 'ab'.repeat(32);
    expect(loadCliConfig({ TAMIZ_PSEUDONYM_SECRET: hex }).pseudonymSecret).toEqual(
      Buffer.alloc(32, 0xab),
    );
  });

  it.each([
    ['too short', 'ab'.repeat(31)],
    ['not hex', 'zz'.repeat(32)],
    ['an odd number of digits', `${'ab'.repeat(32)}c`],
  ])('should refuse a secret that is %s, without echoing it', (_why, raw) => {
    let caught: unknown;
    try {
      loadCliConfig({ TAMIZ_PSEUDONYM_SECRET: raw });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toContain('TAMIZ_PSEUDONYM_SECRET=***');
    expect((caught as ConfigError).message).not.toContain(raw);
  });
});
