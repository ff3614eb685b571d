import { availableParallelism } from 'node:os';
import { loadConfig, parsers, type EnvSchema, type JsonLogger } from '@lib/common';
import { DEFAULT_EVIDENCE_ROOT, EvidenceStore } from './evidence-store';

export interface EvidenceConfig {
  evidenceDir: string;
  /** Secret the evidence store encrypts under (at least 32 bytes); never logged. */
  evidenceKey: Buffer | undefined;
  snapshotConcurrency: number;
  snapshotBacklog: number;
  snapshotQuality: number;
}

/** Keys an app that handles snapshots adds to its own schema (or loads on their own). */
export const EVIDENCE_ENV: EnvSchema<EvidenceConfig> = {
  evidenceDir: {
    env: 'TAMIZ_EVIDENCE_DIR',
    description: 'directory of the evidence store',
    default: DEFAULT_EVIDENCE_ROOT,
    parse: parsers.string,
  },
  evidenceKey: {
    env: 'TAMIZ_EVIDENCE_KEY',
    description:
      'at least 32 random bytes, hex or base64: evidence is encrypted at rest under it (unset: stored in clear)',
    default: undefined,
    sensitive: true,
    parse: parsers.secret({ minBytes: 32 }),
  },
  snapshotConcurrency: {
    env: 'TAMIZ_SNAPSHOT_CONCURRENCY',
    description: 'snapshot redactions running at once',
    default: availableParallelism(),
    parse: parsers.int({ min: 1, max: 256 }),
  },
  snapshotBacklog: {
    env: 'TAMIZ_SNAPSHOT_BACKLOG',
    description: 'snapshots accepted and waiting, at most; beyond it the queue is full',
    default: 4 * availableParallelism(),
    parse: parsers.int({ min: 1, max: 100_000 }),
  },
  snapshotQuality: {
    env: 'TAMIZ_SNAPSHOT_QUALITY',
    description: 'JPEG quality of redacted snapshots',
    default: 80,
    parse: parsers.int({ min: 1, max: 100 }),
  },
};

export function loadEvidenceConfig(env: NodeJS.ProcessEnv): EvidenceConfig {
  return loadConfig(EVIDENCE_ENV, env);
}

/** The evidence store an app's config describes; says so in the log when it stores in clear. */
export function evidenceStoreFrom(args: {
  config: Pick<EvidenceConfig, 'evidenceDir' | 'evidenceKey'>;
  logger: JsonLogger;
}): EvidenceStore {
  const store = new EvidenceStore({ root: args.config.evidenceDir, key: args.config.evidenceKey });
  if (!store.encrypted) {
    args.logger.event('warn', 'evidence is stored in clear: set TAMIZ_EVIDENCE_KEY to encrypt it');
  }
  return store;
}
