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
