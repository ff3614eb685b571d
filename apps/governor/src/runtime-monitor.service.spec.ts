import type { TransportStats } from '@lib/kafka';
import type { GovernanceWorkers } from './governance/governance-workers';
import type { ReadinessService } from './readiness.service';
import { RuntimeMonitorService } from './runtime-monitor.service';

const STATS: TransportStats = {
  batches: 3,
  records: 120,
  aborted: 0,
  producersReplaced: 0,
  consumersReplaced: 0,
  connected: true,
  handlerMs: 12,
  transactionMs: 30,
};

function monitor(workers: number[] | null): RuntimeMonitorService {
  const readiness = { transportStats: () => STATS } as unknown as ReadinessService;
  const pool = workers ? ({ utilization: () => workers } as unknown as GovernanceWorkers) : null;
  return new RuntimeMonitorService(readiness, pool);
}

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a stalled main thread, as a long GC pause or a synchronous handler would leave it
  }
}

describe('RuntimeMonitorService', () => {
  const monitors: RuntimeMonitorService[] = [];
  afterEach(() => monitors.splice(0).forEach((m) => m.onModuleDestroy()));

  it('should report a stall of the event loop in the window in progress, then in the last one', async () => {
    const m = monitor([0.4]);
    monitors.push(m);
    await new Promise((resolve) => setTimeout(resolve, 30));
    blockFor(120);
    await new Promise((resolve) => setTimeout(resolve, 30));

    const during = m.report().eventLoopDelayMs;
    expect(during.last).toBeNull();
    expect(during.current.max).toBeGreaterThanOrEqual(80);
    expect(during.current.p50).toBeLessThanOrEqual(during.current.max);

    m.roll();
    const after = m.report().eventLoopDelayMs;
    expect(after.last?.max).toBe(during.current.max);
    expect(after.current.max).toBeLessThan(80);
  });

  it('should pass the transport counters and the workers load through', () => {
    const m = monitor([0.25, 0.5]);
    monitors.push(m);
    const report = m.report();
    expect(report.transport).toEqual(STATS);
    expect(report.governanceWorkersBusy).toEqual([0.25, 0.5]);
    expect(report.eventLoopDelayMs.windowSeconds).toBe(60);
  });

  it('should report no workers when governing inline', () => {
    const m = monitor(null);
    monitors.push(m);
    expect(m.report().governanceWorkersBusy).toEqual([]);
  });
});
