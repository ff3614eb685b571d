import { CAMERA_REFRESH_ENV, PERSISTENCE_ENV } from '@lib/persistence';
import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  TRANSACTIONAL_ENV,
  kafkaEnv,
  type KafkaEnvConfig,
  type TransactionalEnvConfig,
} from '@lib/kafka';
import { loadConfig, parsers, type EnvSchema } from '@lib/common';

export interface GovernorConfig extends KafkaEnvConfig, TransactionalEnvConfig {
  groupId: string;
  policyFile: string | undefined;
  /**
   * Public keys of the signed policy bundles (keyId → Ed25519 key). When set, the governor follows
   * the policies topic and switches to each newly activated bundle; when unset, only the file.
   */
  policyPublicKeys: Readonly<Record<string, KeyObject>> | undefined;
  /** Master secret of the keyed pseudonyms (HKDF per purpose and period); never logged. */
  pseudonymSecret: Buffer | undefined;
  databaseUrl: string | undefined;
  sqlitePath: string;
  maxEventBytes: number;
  httpPort: number;
  httpHost: string;
  maxRecordsPerTransaction: number;
  governanceWorkers: number;
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  cameraRefreshMs: number;
  sessionTimeoutMs: number;
}

export const GOVERNOR_ENV: EnvSchema<GovernorConfig> = {
  ...kafkaEnv({ clientId: 'tamiz-governor' }),
  groupId: {
    env: 'TAMIZ_GROUP_ID',
    default: 'tamiz-governor',
    description: 'consumer group shared by all governor instances',
    parse: parsers.topicPrefix,
  },
  policyFile: {
    env: 'TAMIZ_POLICY_FILE',
    default: undefined,
    description: 'policy document (YAML or JSON); without one nothing is forwarded',
    parse: parsers.string,
  },
  policyPublicKeys: {
    env: 'TAMIZ_POLICY_PUBLIC_KEYS',
    default: undefined,
    description:
      'keyId=<PEM file or base64 SPKI DER>[,…]: Ed25519 keys that sign policy bundles; enables hot reload from the policies topic',
    parse: (raw) => parsePublicKeys(raw),
  },
  pseudonymSecret: {
    env: 'TAMIZ_PSEUDONYM_SECRET',
    default: undefined,
    sensitive: true,
    description:
      'at least 32 random bytes, hex or base64, keying the pseudonyms; required when the policy pseudonymises a field',
    parse: parsers.secret({ minBytes: 32 }),
  },
  ...PERSISTENCE_ENV,
  maxEventBytes: {
    env: 'TAMIZ_MAX_EVENT_BYTES',
    default: 65_536,
    description: 'largest raw event accepted; larger ones are dead-lettered',
    parse: parsers.int({ min: 1_024, max: 1_048_576 }),
  },
  httpPort: {
    env: 'TAMIZ_HTTP_PORT',
    default: 3000,
    description: 'port of the health endpoints (0 picks a free one)',
    parse: parsers.int({ min: 0, max: 65_535 }),
  },
  httpHost: {
    env: 'TAMIZ_HTTP_HOST',
    default: '127.0.0.1',
    description: 'address the health endpoints bind to',
    parse: parsers.string,
  },
  maxRecordsPerTransaction: {
    env: 'TAMIZ_MAX_RECORDS_PER_TXN',
    default: 1_000,
    description: 'input records per Kafka transaction at most',
    parse: parsers.int({ min: 1, max: 10_000 }),
  },
  ...TRANSACTIONAL_ENV,
  fetchMinBytes: {
    env: 'TAMIZ_FETCH_MIN_BYTES',
    default: 262_144,
    description:
      'bytes a fetch waits for (up to TAMIZ_FETCH_MAX_WAIT_MS): fewer, larger fetches and transactions under load',
    parse: parsers.int({ min: 1, max: 52_428_800 }),
  },
  fetchMaxWaitMs: {
    env: 'TAMIZ_FETCH_MAX_WAIT_MS',
    default: 50,
    description: 'longest a fetch waits for TAMIZ_FETCH_MIN_BYTES before it returns what there is',
    parse: parsers.int({ min: 0, max: 5_000 }),
  },
  ...CAMERA_REFRESH_ENV,
  governanceWorkers: {
    env: 'TAMIZ_GOVERNANCE_WORKERS',
    default: 1,
    description:
      'worker threads that parse, decide and serialise off the main thread (0: on the main thread)',
    parse: parsers.int({ min: 0, max: 16 }),
  },
  sessionTimeoutMs: {
    env: 'TAMIZ_SESSION_TIMEOUT_MS',
    default: 10_000,
    description: 'consumer group session timeout; partitions of a dead instance move after it',
    parse: parsers.int({ min: 6_000, max: 300_000 }),
  },
};

/** `k1=/etc/tamiz/k1.pem,k2=MCowBQYDK2VwAyEA…`; every key must be an Ed25519 public key. */
function parsePublicKeys(raw: string): Record<string, KeyObject> {
  const keys: Record<string, KeyObject> = {};
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const eq = entry.indexOf('=');
    const id = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (eq <= 0 || value === '' || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
      throw new Error('expected keyId=<PEM file or base64 SPKI DER>[,…]');
    }
    if (keys[id]) {
      throw new Error(`key id ${id} given twice`);
    }
    let key: KeyObject;
    try {
      key = existsSync(value)
        ? createPublicKey(readFileSync(value, 'utf8'))
        : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new Error(`key ${id}: not a readable public key (PEM file or base64 SPKI DER)`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error(`key ${id}: expected an Ed25519 key, got ${key.asymmetricKeyType}`);
    }
    keys[id] = key;
  }
  return keys;
}

export function loadGovernorConfig(env: NodeJS.ProcessEnv): GovernorConfig {
  return loadConfig(GOVERNOR_ENV, env);
}
