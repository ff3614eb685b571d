import { kafkaEnv } from '@lib/kafka';
import { PERSISTENCE_ENV } from '@lib/persistence';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig, parsers, type EnvSchema } from '@lib/common';

export interface PolicyAdminConfig {
  httpPort: number;
  httpHost: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  brokers: string[];
  topicPrefix: string;
  clientId: string;
  /** Ed25519 private key that signs every activated bundle; never logged. */
  signingKey: KeyObject;
  signingKeyId: string;
  maxBodyBytes: number;
  schedulerIntervalMs: number;
  publishTimeoutMs: number;
  tokenTtlDays: number;
  /** Consumer group that records authorisation uses from the decisions topic. */
  usesGroupId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

// the Kafka keys every Tamiz process reads alike (policy-admin names its client id apart)
const KAFKA_ENV = kafkaEnv({ clientId: 'tamiz-policy-admin' });

export const POLICY_ADMIN_ENV: EnvSchema<PolicyAdminConfig> = {
  httpPort: {
    env: 'TAMIZ_ADMIN_HTTP_PORT',
    default: 3100,
    description: 'port of the policy-admin HTTP API (0 picks a free one)',
    parse: parsers.int({ min: 0, max: 65_535 }),
  },
  httpHost: {
    env: 'TAMIZ_ADMIN_HTTP_HOST',
    default: '127.0.0.1',
    description: 'address the policy-admin HTTP API binds to',
    parse: parsers.string,
  },
  ...PERSISTENCE_ENV,
  brokers: KAFKA_ENV.brokers,
  topicPrefix: KAFKA_ENV.topicPrefix,
  clientId: {
    env: 'TAMIZ_ADMIN_CLIENT_ID',
    default: 'tamiz-policy-admin',
    description: 'Kafka client id',
    parse: parsers.topicPrefix,
  },
  signingKey: {
    env: 'TAMIZ_POLICY_SIGNING_KEY',
    required: true,
    sensitive: true,
    description: 'Ed25519 private key (PKCS#8 PEM, or the path of a PEM file) that signs bundles',
    parse: parseSigningKey,
  },
  signingKeyId: {
    env: 'TAMIZ_POLICY_SIGNING_KEY_ID',
    required: true,
    description: 'id of the signing key in the governors keyring',
    parse: (raw) => {
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw)) {
        throw new Error('expected 1-64 letters, digits, ".", "_" or "-"');
      }
      return raw;
    },
  },
  maxBodyBytes: {
    env: 'TAMIZ_ADMIN_MAX_BODY_BYTES',
    default: 262_144,
    description: 'largest request body accepted; larger ones get 413',
    parse: parsers.int({ min: 1_024, max: 10_485_760 }),
  },
  schedulerIntervalMs: {
    env: 'TAMIZ_ADMIN_SCHEDULER_MS',
    default: 1_000,
    description: 'how often scheduled activations are checked',
    parse: parsers.int({ min: 100, max: 600_000 }),
  },
  publishTimeoutMs: {
    env: 'TAMIZ_ADMIN_PUBLISH_TIMEOUT_MS',
    default: 15_000,
    description: 'how long an activation waits for the broker before it fails',
    parse: parsers.int({ min: 1_000, max: 300_000 }),
  },
  tokenTtlDays: {
    env: 'TAMIZ_ADMIN_TOKEN_TTL_DAYS',
    default: 90,
    description: 'default lifetime of an issued API token, in days',
    parse: parsers.int({ min: 1, max: 3_650 }),
  },
  usesGroupId: {
    env: 'TAMIZ_ADMIN_USES_GROUP_ID',
    default: 'tamiz-policy-admin.authorisation-uses',
    description: 'consumer group that records authorisation uses from the decisions topic',
    parse: (raw) => {
      if (!/^[A-Za-z0-9._-]{1,200}$/.test(raw)) {
        throw new Error('expected 1-200 letters, digits, ".", "_" or "-"');
      }
      return raw;
    },
  },
  logLevel: {
    env: 'TAMIZ_LOG_LEVEL',
    default: 'info',
    description: 'debug, info, warn or error',
    parse: parsers.oneOf(['debug', 'info', 'warn', 'error'] as const),
  },
};

/** A PEM text, or the path of a file holding one; the error never repeats the value. */
function parseSigningKey(raw: string): KeyObject {
  const pem = raw.includes('-----BEGIN') ? raw : existsSync(raw) ? readFileSync(raw, 'utf8') : null;
  if (pem === null) {
    throw new Error('expected a PKCS#8 PEM or the path of an existing PEM file');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('not a readable private key (PKCS#8 PEM)');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

export function loadPolicyAdminConfig(env: NodeJS.ProcessEnv): PolicyAdminConfig {
  return loadConfig(POLICY_ADMIN_ENV, env);
}
