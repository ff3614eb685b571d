import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { TransportStats } from '@lib/kafka';
import type { GovernanceWorkers } from './governance/governance-workers';
import { ReadinessService } from './readiness.service';
import { GOVERNANCE_WORKERS } from './tokens';

/** Event-loop delay over one window, in milliseconds. */
export interface DelaySummary {
  p50: number;
  p99: number;
  max: number;
}

export interface RuntimeReport {
  /**
   * How late the main thread's event loop ran its callbacks: the last complete window and the one
   * in progress. High values with idle governance workers point at GC pauses or main-thread work;
   * with busy workers, at governance itself.
   */
  eventLoopDelayMs: { windowSeconds: number; last: DelaySummary | null; current: DelaySummary };
  /** Transactions, records and time spent since start (null before the transport is attached). */
  transport: Readonly<TransportStats> | null;
  /** Event-loop utilisation of each governance worker since start (empty: governed inline). */
  governanceWorkersBusy: number[];
}

const WINDOW_SECONDS = 60;
const RESOLUTION_MS = 10;

/** What an operator reads to tell where a governor's time goes (`GET /health/runtime`). */
@Injectable()
export class RuntimeMonitorService implements OnModuleDestroy {
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private last: DelaySummary | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(ReadinessService) private readonly readiness: ReadinessService,
    @Inject(GOVERNANCE_WORKERS) private readonly workers: GovernanceWorkers | null,
  ) {
    this.delay.enable();
    this.timer = setInterval(() => this.roll(), WINDOW_SECONDS * 1_000);
    this.timer.unref();
  }

  report(): RuntimeReport {
    return {
      eventLoopDelayMs: {
        windowSeconds: WINDOW_SECONDS,
        last: this.last,
        current: summarise(this.delay),
      },
      transport: this.readiness.transportStats(),
      governanceWorkersBusy: this.workers?.utilization() ?? [],
    };
  }

  /** Closes the window in progress (every WINDOW_SECONDS; public for tests). */
  roll(): void {
    this.last = summarise(this.delay);
    this.delay.reset();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.delay.disable();
  }
}

/** The histogram counts nanoseconds; an empty one reports zeros. */
function summarise(histogram: IntervalHistogram): DelaySummary {
  const ms = (ns: number) => (Number.isFinite(ns) ? Math.round(ns / 10_000) / 100 : 0);
  return {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
}
