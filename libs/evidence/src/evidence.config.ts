import { availableParallelism } from 'node:os';
import { loadConfig, parsers, type EnvSchema } from '@lib/common';
import { DEFAULT_EVIDENCE_ROOT } from './evidence-store';

export interface EvidenceConfig {
  evidenceDir: string;
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
