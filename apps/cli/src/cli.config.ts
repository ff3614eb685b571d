import { loadConfig, type EnvSchema } from '@lib/common';

export interface CliConfig {
  /** Master secret of the pseudonym keyring used when fixtures are evaluated. */
  pseudonymSecret: Buffer;
}

/**
 * The fixed secret `tamiz policy test` uses unless TAMIZ_PSEUDONYM_SECRET is set. It is public on
 * purpose: fixtures need pseudonyms that are the same on every machine, and a test run must never
 * need, or see, a production secret.
 */
export const TEST_PSEUDONYM_SECRET_TEXT = 'tamiz-policy-test-secret-not-for-production';

// hkdfKeyring needs 32 bytes; 64 hex digits say so in the only encoding that has no variants
const HEX_SECRET = /^(?:[0-9a-fA-F]{2}){32,}$/;

export const CLI_ENV: EnvSchema<CliConfig> = {
  pseudonymSecret: {
    env: 'TAMIZ_PSEUDONYM_SECRET',
    default: Buffer.from(TEST_PSEUDONYM_SECRET_TEXT, 'utf8'),
    sensitive: true,
    description: 'pseudonym master secret, hex (64+ digits); default: a fixed public test secret',
    parse: (raw: string): Buffer => {
      if (!HEX_SECRET.test(raw)) {
        throw new Error('expected an even number (at least 64) of hex digits');
      }
      return Buffer.from(raw, 'hex');
    },
  },
};

export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  return loadConfig(CLI_ENV, env);
}
