import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type JsonLogger } from '@lib/common';
import type { CameraRecord } from '@lib/contracts';
import type { InboundBatch } from '@lib/kafka';
import type { PolicyEvaluator } from '@lib/policy';
import type { PolicyInForce } from '../policy-holder.service';
import type { GovernedRecords } from './govern-records';
import type { FromWorker, GovernanceWorkerData, ToWorker } from './governance-protocol';
import { packInbound, unpackOutbound } from './record-wire';

export enum GovernanceErrorCode {
  WorkerFailed = 'governance_worker_failed',
  WorkerGone = 'governance_worker_gone',
  /** The worker's compiled entry is missing (sources run without a build). */
  WorkerNotBuilt = 'governance_worker_not_built',
  Closed = 'governance_closed',
}

/** A failed or gone worker is retriable: the transport re-reads the batch and governs it again. */
export class GovernanceError extends AppError<GovernanceErrorCode> {}

/**
 * What a batch is decided with, as the main thread holds it when the batch is dispatched: the
 * evaluator in force, made of a compiled policy (and its document) and, if any, a register of
 * authorisations merged in. Workers are sent the parts that changed and make the same.
 */
export interface GovernanceInputs {
  policy: Pick<PolicyInForce, 'policy' | 'document' | 'authorisations'>;
  cameras: ReadonlyMap<string, CameraRecord>;
  receivedAt: Date;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: GovernedRecords) => void; reject: (e: Error) => void }>;
  // what this worker was last sent: the same objects mean nothing to send again
  policy: PolicyEvaluator | null;
  authorisations: PolicyInForce['authorisations'] | undefined;
  cameras: ReadonlyMap<string, CameraRecord> | null;
}

/**
 * Worker threads that govern batches off the main thread (parse, decide, serialise), leaving it
 * Kafka's network work. Each worker gets, in order before a batch, the policy and camera registry
 * the main thread holds at dispatch, so a batch is decided exactly as it would be inline. A worker
 * that dies fails its pending batches (the transport re-reads them) and is replaced.
 */
export class GovernanceWorkers {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly args: {
      count: number;
      data: GovernanceWorkerData;
      logger: JsonLogger;
      script?: string;
    },
  ) {
    for (let i = 0; i < args.count; i++) {
      this.slots.push(this.spawn());
    }
  }

  /** Share of time each worker's event loop was busy since it started (for benchmarks). */
  utilization(): number[] {
    return this.slots.map((slot) => slot.worker.performance.eventLoopUtilization().utilization);
  }

  govern(batch: InboundBatch, inputs: GovernanceInputs): Promise<GovernedRecords> {
    if (this.closed) {
      return Promise.reject(
        new GovernanceError({ code: GovernanceErrorCode.Closed, message: 'governance closed' }),
      );
    }
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    if (slot.authorisations !== inputs.policy.authorisations) {
      post(slot, { kind: 'authorisations', authorisations: inputs.policy.authorisations });
      slot.authorisations = inputs.policy.authorisations;
    }
    if (slot.policy !== inputs.policy.policy) {
      post(slot, { kind: 'policy', document: inputs.policy.document });
      slot.policy = inputs.policy.policy;
    }
    if (slot.cameras !== inputs.cameras) {
      post(slot, { kind: 'cameras', cameras: [...inputs.cameras.values()] });
      slot.cameras = inputs.cameras;
    }
    const id = this.nextId++;
    const packed = packInbound(batch);
    return new Promise<GovernedRecords>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      const receivedAt = inputs.receivedAt.getTime();
      post(slot, { kind: 'govern', id, batch: packed, receivedAt }, [packed.bytes]);
    });
  }

  /** Nest's last hook: after the transport has closed, so no batch is in flight. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.args.script ?? governanceWorkerScript(), {
      workerData: this.args.data,
    });
    const slot: Slot = {
      worker,
      pending: new Map(),
      policy: null,
      authorisations: undefined,
      cameras: null,
    };
    worker.on('message', (message: FromWorker) => {
      const waiting = slot.pending.get(message.id);
      slot.pending.delete(message.id);
      if (message.kind === 'governed') {
        waiting?.resolve({ records: unpackOutbound(message.outputs), tally: message.tally });
      } else {
        waiting?.reject(
          new GovernanceError({
            code: GovernanceErrorCode.WorkerFailed,
            message: `governance worker failed: ${message.error}`,
            retriable: true,
          }),
        );
      }
    });
    worker.on('error', (error) => {
      this.args.logger.event('error', 'governance worker crashed', { error: error.name });
    });
    worker.on('exit', (exitCode) => {
      const gone = new GovernanceError({
        code: GovernanceErrorCode.WorkerGone,
        message: `governance worker exited (${exitCode})`,
        retriable: true,
      });
      for (const waiting of slot.pending.values()) {
        waiting.reject(gone);
      }
      slot.pending.clear();
      const at = this.slots.indexOf(slot);
      if (!this.closed && at >= 0) {
        this.args.logger.event('warn', 'governance worker replaced', { exitCode });
        this.slots[at] = this.spawn();
      }
    });
    return slot;
  }
}

function post(slot: Slot, message: ToWorker, transfer: ArrayBuffer[] = []): void {
  slot.worker.postMessage(message, transfer);
}

/**
 * The worker's compiled entry. Under ts-jest the governor runs from its TypeScript sources, which
 * a worker thread cannot load: it then runs from the build, which `npm test` makes first.
 */
export function governanceWorkerScript(): string {
  const beside = join(__dirname, 'governance.worker.js');
  if (existsSync(beside)) {
    return beside;
  }
  const built = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'governor', 'src');
  const script = join(built, 'governance', 'governance.worker.js');
  if (!existsSync(script)) {
    throw new GovernanceError({
      code: GovernanceErrorCode.WorkerNotBuilt,
      message: `governance worker not built: ${script} (run npm run build, or TAMIZ_GOVERNANCE_WORKERS=0)`,
    });
  }
  return script;
}
