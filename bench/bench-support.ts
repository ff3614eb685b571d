import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** Shared plumbing for benchmarks: a broker (local unless KAFKA_BROKERS), percentiles, output. */
export interface BenchBroker {
  brokers: string;
  stateFile?: string;
  stop(): Promise<void>;
}

export async function benchBroker(root: string): Promise<BenchBroker> {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, stop: async () => undefined };
  }
  const local = (await import(join(root, 'scripts/local-kafka.mjs'))) as {
    startLocalKafka: () => Promise<BenchBroker>;
  };
  return local.startLocalKafka();
}

export function benchKafka(brokers: string): Kafka {
  return new Kafka({
    clientId: 'tamiz-bench',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 20 },
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** The local broker's JVM pid, when the bench started it (its state file names it). */
export function brokerPid(broker: BenchBroker): number | null {
  if (!broker.stateFile) {
    return null;
  }
  const state = JSON.parse(readFileSync(broker.stateFile, 'utf8')) as { pid?: number | null };
  return state.pid ?? null;
}

/** User + system CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
export function processCpuSeconds(pid: number | null): number {
  if (pid === null) {
    return NaN;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const CLOCK_TICKS = 100;
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
