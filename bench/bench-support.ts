import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { CameraRecord } from '@lib/contracts';
import { CameraRepository, openDataSource } from '@lib/persistence';
import { EventMix, type SimulatedRecord } from '@lib/simulator';

/**
 * Shared plumbing for benchmarks: a broker (local unless KAFKA_BROKERS), the demo registry, a
 * backlog of simulated events, the governor as a process, drain rates, percentiles, output.
 */
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

/** The demo camera registry (`policies/demo/cameras.json`). */
export function demoCameras(root: string): CameraRecord[] {
  return JSON.parse(
    readFileSync(join(root, 'policies/demo/cameras.json'), 'utf8'),
  ) as CameraRecord[];
}

/** A SQLite registry holding `cameras`, for the governor of a bench. */
export async function seedRegistry(sqlitePath: string, cameras: CameraRecord[]): Promise<void> {
  const dataSource = await openDataSource({ sqlitePath });
  await new CameraRepository(dataSource).upsertMany(cameras);
  await dataSource.destroy();
}

/** `count` simulated raw records of 1–2 KB, deterministic by seed. */
export function benchRecords(args: {
  seed: number;
  count: number;
  cameras: CameraRecord[];
}): SimulatedRecord[] {
  const mix = new EventMix({
    seed: args.seed,
    cameras: args.cameras,
    startAt: new Date(Date.UTC(2026, 10, 1)),
    sizeRange: [1_024, 2_048],
  });
  return Array.from({ length: args.count }, () => mix.next());
}

/** Writes a backlog to a topic, 250 records per send, every send acknowledged by all replicas. */
export async function produceRecords(args: {
  brokers: string;
  topic: string;
  input: ReadonlyArray<{ key: string | null; value: Buffer | string }>;
}): Promise<void> {
  // A plain producer: kafkajs' idempotent producer fails here with OutOfOrderSequence once the
  // broker is busy. A retried send may duplicate an input record; the exactly-once check of
  // bench:governor tells those apart from governor duplicates by the source offset.
  const producer = benchKafka(args.brokers).producer({ maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < args.input.length; i += 250) {
    await producer.send({
      topic: args.topic,
      acks: -1,
      messages: args.input.slice(i, i + 250).map((r) => ({ key: r.key, value: r.value })),
    });
  }
  await producer.disconnect();
}

export interface DrainRate {
  perSec: number;
  /** This process's CPU time per record over the span (the broker and children run apart). */
  cpuUsPerRecord: number;
  /** Cores the broker used over the span, when the bench started it. */
  brokerCores: number;
  /** The longest time the counter stood still before it reached the total. */
  longestStallMs: number;
}

/**
 * Records per second from the first committed record to the last, polling a committed-records
 * counter (in this process, or a child's health endpoint).
 */
export async function drainRate(args: {
  count: () => number | Promise<number>;
  total: number;
  brokerPid: number | null;
}): Promise<DrainRate> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  while ((await args.count()) === 0) {
    await pause();
  }
  const [startCount, startAt, startCpu] = [
    await args.count(),
    performance.now(),
    process.cpuUsage(),
  ];
  const startBroker = processCpuSeconds(args.brokerPid);
  let [last, lastMovedAt, longestStallMs] = [startCount, startAt, 0];
  while (last < args.total) {
    await pause();
    const now = await args.count();
    if (now > last) {
      const at = performance.now();
      longestStallMs = Math.max(longestStallMs, at - lastMovedAt);
      [last, lastMovedAt] = [now, at];
    }
  }
  const cpu = process.cpuUsage(startCpu);
  const seconds = (performance.now() - startAt) / 1000;
  return {
    perSec: (args.total - startCount) / seconds,
    cpuUsPerRecord: (cpu.user + cpu.system) / (args.total - startCount),
    brokerCores: (processCpuSeconds(args.brokerPid) - startBroker) / seconds,
    longestStallMs,
  };
}

export interface GovernorChild {
  ready(): Promise<boolean>;
  /** The governor's committed counts (`/health/stats`). */
  stats(): Promise<{ consumed: number; forwarded: number; alerts: number; suppressed: number }>;
  close(): Promise<void>;
}

/** The compiled governor as a child process; resolves once it reports its health URL. */
export async function spawnGovernor(args: {
  root: string;
  env: Record<string, string>;
}): Promise<GovernorChild> {
  // the governor's production flags (docker/Dockerfile): a larger young generation
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', join(args.root, 'dist/apps/governor/src/main.js')],
    {
      env: { ...args.env, TAMIZ_LOG_LEVEL: 'info', TAMIZ_HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"msg":"governor started","url":"([^"]+)"/.exec(out);
      if (match) {
        resolve(match[1].replace('[::1]', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => reject(new Error(`governor exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    ready: async () => (await fetch(`${url}/health/ready`)).ok,
    stats: async () =>
      (await (await fetch(`${url}/health/stats`)).json()) as Awaited<
        ReturnType<GovernorChild['stats']>
      >,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
