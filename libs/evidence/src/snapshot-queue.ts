import { availableParallelism } from 'node:os';
import { EvidenceError, EvidenceErrorCode } from './evidence.error';

export interface SnapshotQueueOptions {
  /** Jobs running at once; default the number of cores. */
  concurrency?: number;
  /** Jobs accepted but not started yet, at most; default 4 × concurrency. */
  maxBacklog?: number;
}

/** An accepted job: its outcome. Failures are also counted in the stats. */
export interface SnapshotTicket<T> {
  readonly result: Promise<T>;
}

export interface SnapshotQueueStats {
  /** Accepted, waiting for a slot. */
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** trySubmit calls turned away because the backlog was full. */
  rejected: number;
  /** Producers waiting in submit() for backlog space. */
  waiting: number;
  /** Median and 95th percentile run time of the last 1,024 jobs, ms; null before the first. */
  p50Ms: number | null;
  p95Ms: number | null;
}

interface Entry {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const WINDOW = 1024;

/**
 * Runs image jobs (decode, redact, encode) off the event path: at most `concurrency` at once, at
 * most `maxBacklog` accepted and waiting. When the backlog is full, `trySubmit` answers `full`
 * at once (the event goes on without its snapshot, or is retried) and `submit` waits for space,
 * so a producer that awaits it slows to the pace of the image work instead of piling up memory.
 * Jobs start in the order they were accepted.
 */
export class SnapshotQueue {
  readonly concurrency: number;
  readonly maxBacklog: number;
  private readonly backlog: Entry[] = [];
  private readonly spaceWaiters: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];
  private readonly durations = new Float64Array(WINDOW);
  private durationCount = 0;
  private running = 0;
  private done = 0;
  private failed = 0;
  private rejected = 0;
  private closed = false;
  /** Backlog slots promised to woken producers that have not resumed yet. */
  private reserved = 0;

  constructor(options: SnapshotQueueOptions = {}) {
    this.concurrency = options.concurrency ?? availableParallelism();
    this.maxBacklog = options.maxBacklog ?? 4 * this.concurrency;
    for (const [key, value] of [
      ['concurrency', this.concurrency],
      ['maxBacklog', this.maxBacklog],
    ] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 100_000) {
        throw new EvidenceError({
          code: EvidenceErrorCode.InvalidOptions,
          message: `${key} must be an integer 1..100000, got ${String(value)}`,
        });
      }
    }
  }

  /** Accepts the job if the backlog has room; otherwise `full`, and the job is not kept. */
  trySubmit<T>(job: () => Promise<T>): SnapshotTicket<T> | 'full' {
    this.assertOpen();
    if (this.backlog.length + this.reserved >= this.maxBacklog) {
      this.rejected += 1;
      return 'full';
    }
    return this.accept(job);
  }

  /** Waits (in order of arrival) until the backlog has room, then accepts the job. */
  async submit<T>(job: () => Promise<T>): Promise<SnapshotTicket<T>> {
    this.assertOpen();
    if (this.spaceWaiters.length > 0 || this.backlog.length + this.reserved >= this.maxBacklog) {
      // woken by pump() with a slot reserved for this producer, or by close()
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
      this.reserved -= 1;
      this.assertOpen();
    }
    return this.accept(job);
  }

  stats(): SnapshotQueueStats {
    const n = Math.min(this.durationCount, WINDOW);
    const sorted = Array.from(this.durations.subarray(0, n)).sort((a, b) => a - b);
    const pick = (p: number): number | null =>
      n === 0 ? null : Math.round(sorted[Math.min(n - 1, Math.ceil(p * n) - 1)] * 100) / 100;
    return {
      queued: this.backlog.length,
      running: this.running,
      done: this.done,
      failed: this.failed,
      rejected: this.rejected,
      waiting: this.spaceWaiters.length,
      p50Ms: pick(0.5),
      p95Ms: pick(0.95),
    };
  }

  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void> {
    if (this.running === 0 && this.backlog.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Takes no more jobs (waiting producers get QueueClosed); lets accepted ones finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.spaceWaiters.splice(0)) {
      this.reserved += 1;
      wake();
    }
    await this.onIdle();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new EvidenceError({
        code: EvidenceErrorCode.QueueClosed,
        message: 'the snapshot queue is closed',
      });
    }
  }

  private accept<T>(job: () => Promise<T>): SnapshotTicket<T> {
    const result = new Promise<T>((resolve, reject) => {
      this.backlog.push({ run: job, resolve: resolve as (value: unknown) => void, reject });
    });
    // the stats count failures; a caller that drops the ticket gets no unhandled rejection
    result.catch(() => undefined);
    this.pump();
    return { result };
  }

  private pump(): void {
    while (this.running < this.concurrency && this.backlog.length > 0) {
      const entry = this.backlog.shift()!;
      this.running += 1;
      void this.execute(entry);
    }
    // backlog slots are free: let waiting producers in, first come first served
    while (this.spaceWaiters.length > 0 && this.backlog.length + this.reserved < this.maxBacklog) {
      this.reserved += 1;
      this.spaceWaiters.shift()!();
    }
    if (this.running === 0 && this.backlog.length === 0) {
      for (const wake of this.idleWaiters.splice(0)) {
        wake();
      }
    }
  }

  private async execute(entry: Entry): Promise<void> {
    const start = process.hrtime.bigint();
    try {
      const value = await entry.run();
      this.done += 1;
      entry.resolve(value);
    } catch (error) {
      this.failed += 1;
      entry.reject(error);
    } finally {
      this.durations[this.durationCount % WINDOW] = Number(process.hrtime.bigint() - start) / 1e6;
      this.durationCount += 1;
      this.running -= 1;
      this.pump();
    }
  }
}
