/**
 * `npm run bench:governor`: what governance costs on a real broker.
 *
 * 1. governed: the real governor (same code as production) drains a backlog of N raw events;
 * 2. passthrough: the same transactional transport and batching, with a handler that copies each
 *    input into as many output records, of the governed outputs' average size and with the same
 *    provenance header, without governing;
 * 3. latency: the governor at about half its measured rate, event produced → alert committed
 *    and read (`read_committed`).
 * Phases 1 and 2 alternate for BENCH_ROUNDS rounds (default 3) and their medians are reported.
 * The last line is one JSON object for tooling.
 */
import 'reflect-metadata';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import { JsonLogger } from '@lib/common';
import { parseDetection, topicName } from '@lib/contracts';
import {
  GroupTransactionServer,
  groupCaughtUp,
  provisionTopics,
  type InboundBatch,
  type OutboundRecord,
} from '@lib/kafka';
import { compilePolicy, parsePolicyText } from '@lib/policy';
import { EventMix, type SimulatedRecord } from '@lib/simulator';
import { loadGovernorConfig } from '../apps/governor/src/governor.config';
import { startGovernor } from '../apps/governor/src/main';
import {
  benchBroker,
  benchKafka,
  benchRecords,
  brokerPid,
  demoCameras,
  drainRate,
  percentile,
  produceRecords,
  round,
  seedRegistry,
  spawnGovernor,
} from './bench-support';

const ROOT = join(__dirname, '..', '..');
const N = Number(process.env.BENCH_EVENTS ?? 50_000);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
// Rounds of the two throughput phases, alternated; medians are reported.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
// For profiling one phase alone (`node --cpu-prof`): e.g. BENCH_PHASES=governed.
const PHASES = new Set((process.env.BENCH_PHASES ?? 'governed,passthrough,latency').split(','));
const POLICY_FILE = join(ROOT, 'policies/demo/lima-demo.policy.yaml');
const cameras = demoCameras(ROOT);
const logger = new JsonLogger({ service: 'bench', level: 'error' });
const say = (line: string) => process.stdout.write(`${line}\n`);

function validEventIds(input: SimulatedRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const r of input) {
    if (r.kind !== 'malformed') {
      ids.add((JSON.parse(r.value.toString()) as { id: string }).id);
    }
  }
  return ids;
}

/** What the governor emits per input, on average: record count and size (for the passthrough). */
function outputShape(sample: SimulatedRecord[]): { perInput: number; avgBytes: number } {
  const policy = compilePolicy(parsePolicyText(readFileSync(POLICY_FILE, 'utf8'), 'yaml'));
  const byId = new Map(cameras.map((c) => [c.cameraId, c]));
  let outputs = 0;
  let bytes = 0;
  for (const r of sample) {
    const parsed = parseDetection(r.value, { maxBytes: 65_536 });
    if (!parsed.ok) {
      outputs += 1;
      bytes += Math.ceil((r.value.length * 4) / 3) + 300;
      continue;
    }
    const { decision, alerts } = policy.evaluate({
      event: parsed.event.data,
      camera: byId.get(parsed.event.data.cameraId) ?? null,
    });
    for (const out of [decision, ...alerts]) {
      outputs += 1;
      bytes += Buffer.byteLength(JSON.stringify(out));
    }
  }
  return { perInput: outputs / sample.length, avgBytes: Math.round(bytes / outputs) };
}

/**
 * Reads every decision (read_committed). Lost: valid input events with no decision. Duplicated:
 * decisions beyond one per consumed source record (topic:partition:offset header).
 */
async function verifyExactlyOnce(args: { brokers: string; topic: string; eventIds: Set<string> }) {
  const seenEvents = new Set<string>();
  const seenSources = new Set<string>();
  let total = 0;
  const consumer = benchKafka(args.brokers).consumer({
    groupId: `bench-verify-${args.topic}`,
    readUncommitted: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [args.topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seenEvents.add((JSON.parse(String(message.value)) as { eventId: string }).eventId);
      seenSources.add(String(message.headers?.['tamiz-source']));
      total += 1;
    },
  });
  const deadline = Date.now() + 120_000;
  while (seenEvents.size < args.eventIds.size && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await consumer.disconnect();
  const lost = [...args.eventIds].filter((id) => !seenEvents.has(id)).length;
  return { lost, duplicated: total - seenSources.size };
}

async function main(): Promise<void> {
  const broker = await benchBroker(ROOT);
  const jvm = brokerPid(broker);
  const kafka = benchKafka(broker.brokers);
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-bench-'));
  const sqlitePath = join(dir, 'tamiz.sqlite');
  await seedRegistry(sqlitePath, cameras);
  const run = `bench-${process.pid}-${Date.now()}`;
  const env = (prefix: string) => ({
    ...process.env,
    KAFKA_BROKERS: broker.brokers,
    TAMIZ_TOPIC_PREFIX: prefix,
    TAMIZ_GROUP_ID: `${prefix}governor`,
    TAMIZ_POLICY_FILE: POLICY_FILE,
    TAMIZ_SQLITE_PATH: sqlitePath,
    TAMIZ_HTTP_PORT: '0',
    TAMIZ_LOG_LEVEL: 'error',
  });
  try {
    const input = benchRecords({ seed: 7, count: N, cameras });
    const malformed = input.filter((r) => r.kind === 'malformed').length;
    const avgIn = Math.round(input.reduce((s, r) => s + r.value.length, 0) / N);
    say(`events: ${N} (${malformed} malformed), average ${avgIn} bytes`);

    const admin = kafka.admin();
    await admin.connect();
    // Rounds alternate the two throughput phases; the medians are reported: on two cores shared
    // with the broker, one run of either phase varies by a quarter.
    const governedRates: number[] = [];
    const passthroughRates: number[] = [];
    // exactly once is checked on every round: a loss or duplicate in any of them counts
    const check = { lost: 0, duplicated: 0 };
    let governorConfig = loadGovernorConfig(env(`${run}-g.`));
    const shape = outputShape(input.slice(0, 2_000));
    for (let r = 1; r <= ROUNDS; r++) {
      if (PHASES.has('governed')) {
        const result = await governedPhase({
          brokers: broker.brokers,
          brokerPid: jvm,
          admin,
          env,
          input,
          prefix: `${run}-g${r}.`,
        });
        governedRates.push(result.eventsPerSec);
        check.lost += result.check.lost;
        check.duplicated += result.check.duplicated;
        governorConfig = result.config;
      }
      if (PHASES.has('passthrough')) {
        // the same transport, batching and output volume, without governing
        const config = governorConfig;
        say(
          `passthrough output shape: ${round(shape.perInput, 3)} records/input of ${shape.avgBytes} bytes`,
        );
        const pPrefix = `${run}-p${r}.`;
        await provisionTopics({ admin, naming: { prefix: pPrefix } });
        await produceRecords({
          brokers: broker.brokers,
          topic: topicName('detections.raw.v1', { prefix: pPrefix }),
          input,
        });
        passthroughRates.push(
          await passthrough({
            brokers: broker.brokers,
            brokerPid: jvm,
            prefix: pPrefix,
            shape,
            maxRecordsPerTransaction: config.maxRecordsPerTransaction,
          }),
        );
      }
    }
    if (ROUNDS > 1) {
      say(
        `rounds: governed ${governedRates.map((v) => round(v, 0)).join(', ')}; passthrough ${passthroughRates.map((v) => round(v, 0)).join(', ')} events/s (medians reported)`,
      );
    }
    // without the governed phase, the passthrough and latency phases use the defaults and this rate
    const eventsPerSec =
      governedRates.length > 0 ? median(governedRates) : Number(process.env.BENCH_RATE ?? 6_000);
    const passthroughPerSec = passthroughRates.length > 0 ? median(passthroughRates) : NaN;

    // 3. latency at about half the governed rate
    let latencies: number[] = [];
    let achievedPerSec = NaN;
    if (PHASES.has('latency')) {
      const lPrefix = `${run}-l.`;
      ({ latencies, achievedPerSec } = await latency({
        kafka,
        admin,
        env: env(lPrefix),
        prefix: lPrefix,
        rate: eventsPerSec / 2,
      }));
    }
    await admin.disconnect();
    const p50Ms = round(percentile(latencies, 50));
    const p99Ms = round(percentile(latencies, 99));
    say(
      `latency at ${round(achievedPerSec, 0)} events/s (asked ${round(eventsPerSec / 2, 0)}), ${LATENCY_SECONDS} s after ${WARMUP_SECONDS} s of warm-up: p50 ${p50Ms} ms, p99 ${p99Ms} ms (${latencies.length} alerts)`,
    );
    say(
      JSON.stringify({
        bench: 'governor',
        eventsPerSec: round(eventsPerSec, 0),
        passthroughEventsPerSec: round(passthroughPerSec, 0),
        ratio: round(eventsPerSec / passthroughPerSec, 2),
        p50Ms,
        p99Ms,
        lost: governedRates.length > 0 ? check.lost : NaN,
        duplicated: governedRates.length > 0 ? check.duplicated : NaN,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await broker.stop();
  }
}

/** With BENCH_CPU_PROFILE=<dir>, a V8 CPU profile of each throughput phase, `<dir>/<phase>.cpuprofile`. */
async function startProfile(phase: string): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) {
    return { stop: async () => undefined };
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `${phase}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Phase 1: the real governor drains a backlog; then every decision is checked exactly once. */
async function governedPhase(args: {
  brokers: string;
  brokerPid: number | null;
  admin: Admin;
  env: (prefix: string) => Record<string, string>;
  input: SimulatedRecord[];
  prefix: string;
}) {
  const { brokers, admin, input, prefix } = args;
  await provisionTopics({ admin, naming: { prefix } });
  await produceRecords({ brokers, topic: topicName('detections.raw.v1', { prefix }), input });
  const profile = await startProfile('governed');
  const elu = performance.eventLoopUtilization();
  const governor = await startGovernor({ env: args.env(prefix), logger });
  const drained = await drainRate({
    count: () => governor.governor.stats().consumed,
    total: N,
    brokerPid: args.brokerPid,
  });
  const eventsPerSec = drained.perSec;
  const busy = performance.eventLoopUtilization(elu).utilization;
  const workersBusy = governor.governanceBusy();
  await profile.stop();
  const gt = { ...governor.transport.transportStats() };
  await governor.close();
  say(
    `governed transport: ${gt.batches} transactions, ${gt.aborted} aborted, handlers ${round(gt.handlerMs, 0)} ms, transactions ${round(gt.transactionMs, 0)} ms, event loop ${round(busy * 100, 0)}% busy, governance workers ${workersBusy.map((u) => `${round(u * 100, 0)}%`).join(' ') || 'none'} busy, broker ${round(drained.brokerCores * 100, 0)}% of a core`,
  );
  const stats = governor.governor.stats();
  say(
    `governed: ${round(eventsPerSec, 0)} events/s, ${round(drained.cpuUsPerRecord, 0)} µs CPU/event (forwarded ${stats.forwarded}, suppressed ${stats.suppressed}, dead-lettered ${stats.deadLettered})`,
  );
  const check = await verifyExactlyOnce({
    brokers,
    topic: topicName('decisions.v1', { prefix }),
    eventIds: validEventIds(input),
  });
  return { eventsPerSec, check, config: governor.config };
}

async function passthrough(args: {
  brokers: string;
  brokerPid: number | null;
  prefix: string;
  shape: { perInput: number; avgBytes: number };
  maxRecordsPerTransaction: number;
}): Promise<number> {
  const { brokers, prefix, shape } = args;
  const server = new GroupTransactionServer({
    brokers: brokers.split(','),
    clientId: 'bench-passthrough',
    naming: { prefix },
    logger,
    groupId: `${prefix}passthrough`,
    maxRecordsPerTransaction: args.maxRecordsPerTransaction,
  });
  let owed = 0;
  server.addHandler('detections.raw.v1', async (batch: InboundBatch) => {
    const out: OutboundRecord[] = [];
    for (const r of batch.records) {
      owed += shape.perInput;
      const copy = (r.value ?? Buffer.alloc(0)).subarray(0, shape.avgBytes);
      // the provenance header every governed output carries, so the records are the same size
      const headers = { 'tamiz-source': `${r.topic}:${r.partition}:${r.offset}` };
      for (; owed >= 1; owed -= 1) {
        out.push({
          topic: out.length % 2 ? 'alerts.lawful.v1' : 'decisions.v1',
          key: r.key?.toString() ?? null,
          value: copy,
          headers,
        });
      }
    }
    return { records: out };
  });
  await new Promise<void>(
    (resolve, reject) =>
      void server.listen((e?: unknown) =>
        e ? reject(e instanceof Error ? e : new Error('listen failed')) : resolve(),
      ),
  );
  const profile = await startProfile('passthrough');
  const elu = performance.eventLoopUtilization();
  const drained = await drainRate({
    count: () => server.transportStats().records,
    total: N,
    brokerPid: args.brokerPid,
  });
  const busy = performance.eventLoopUtilization(elu).utilization;
  await profile.stop();
  const pt = server.transportStats();
  say(
    `passthrough transport: ${pt.batches} transactions, ${pt.aborted} aborted, handlers ${round(pt.handlerMs, 0)} ms, transactions ${round(pt.transactionMs, 0)} ms, event loop ${round(busy * 100, 0)}% busy`,
  );
  await server.close();
  say(
    `passthrough: ${round(drained.perSec, 0)} events/s, ${round(drained.cpuUsPerRecord, 0)} µs CPU/event, broker ${round(drained.brokerCores * 100, 0)}% of a core`,
  );
  return drained.perSec;
}

/**
 * Phase 3: the governor (its own process) under a steady stream at `rate`, event produced →
 * alert committed and read. Events produced in the first WARMUP_SECONDS (connections, JIT,
 * first transactions) are governed but not measured; the rate reported is the one achieved.
 */
async function latency(args: {
  kafka: Kafka;
  admin: Admin;
  env: Record<string, string>;
  prefix: string;
  rate: number;
}): Promise<{ latencies: number[]; achievedPerSec: number }> {
  const naming = { prefix: args.prefix };
  await provisionTopics({ admin: args.admin, naming });
  // The governor runs in its own process, as deployed: producing and timing here must not share
  // its event loop.
  const governor = await spawnGovernor({ root: ROOT, env: args.env });
  // Alerts are timed: each carries its source position (tamiz-source header), and each send's
  // records share the time they were stamped with, so no alert needs parsing.
  const stamps = new SendStamps();
  const arrivals: Array<{ source: string; at: number; written: number }> = [];
  // this process's own stalls (GC, a busy loop) delay stamping and reading: they are reported
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  const consumer = args.kafka.consumer({
    groupId: `${args.prefix}latency`,
    readUncommitted: false,
    maxWaitTimeInMs: 20,
  });
  // Steady state, not start-up: both consumers have joined their groups before the first event.
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.connect();
  await consumer.subscribe({
    topics: [topicName('alerts.lawful.v1', naming)],
    fromBeginning: true,
  });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const at = Date.now();
      for (const message of batch.messages) {
        arrivals.push({
          source: String(message.headers?.['tamiz-source']),
          at,
          // the alert's record timestamp: when the governor's producer wrote it, uncommitted
          written: Number(message.timestamp),
        });
      }
    },
  });
  // Pipelined sends (several in flight), so that the producer keeps the rate: a send that waited
  // for the previous one's acknowledgement would pace the stream by the broker's round trip.
  const producer = args.kafka.producer({ maxInFlightRequests: 5 });
  await producer.connect();
  await joined;
  for (const until = Date.now() + 30_000; !(await governor.ready()) && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const topic = topicName('detections.raw.v1', naming);
  const tickMs = 20;
  const perTick = Math.max(1, Math.round((args.rate * tickMs) / 1000));
  const stream = stampedStream({
    count: Math.ceil(((perTick * 1000) / tickMs) * (WARMUP_SECONDS + LATENCY_SECONDS) * 1.2),
  });
  const started = Date.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  stalls.enable();
  const inFlight = new Set<Promise<unknown>>();
  let measured = 0;
  for (let tick = 0; Date.now() - measureFrom < LATENCY_SECONDS * 1000; tick++) {
    const stamp = Date.now();
    const messages = stream.take(perTick, new Date(stamp).toISOString());
    if (stamp >= measureFrom) {
      measured += messages.length;
    }
    const sending = producer.send({ topic, messages, acks: -1 }).then((sent) => {
      for (const { partition, baseOffset } of sent) {
        stamps.add(partition, BigInt(baseOffset ?? '-1'), stamp);
      }
    });
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
    if (inFlight.size >= 8) {
      await Promise.race(inFlight); // the broker is behind: the achieved rate will show it
    }
    // ticks on a fixed schedule, not after each send
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + (tick + 1) * tickMs - Date.now())),
    );
  }
  await Promise.all(inFlight);
  stalls.disable();
  // every event governed and committed (the governor's offsets reach the end), then a last read
  await waitForCommitted({ admin: args.admin, groupId: args.env.TAMIZ_GROUP_ID, topic });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await producer.disconnect();
  await consumer.disconnect();
  await governor.close();
  const latencies: number[] = [];
  const written: number[] = [];
  for (const arrival of arrivals) {
    const stamp = stamps.of(arrival.source);
    if (stamp !== undefined && stamp >= measureFrom) {
      latencies.push(arrival.at - stamp);
      written.push(arrival.written - stamp);
    }
  }
  written.sort((a, b) => a - b);
  say(
    `latency split: produced → alert written (uncommitted) p50 ${round(percentile(written, 50))} ms, p99 ${round(percentile(written, 99))} ms; the rest is the commit and the read. Bench event loop delay p99 ${round(stalls.percentile(99) / 1e6)} ms, max ${round(stalls.max / 1e6)} ms`,
  );
  return {
    latencies: latencies.sort((a, b) => a - b),
    achievedPerSec: measured / LATENCY_SECONDS,
  };
}

/**
 * When each send's records were stamped: per partition, by the send's first offset. Read with
 * `of()` once every send has been added.
 */
class SendStamps {
  private readonly byPartition = new Map<number, Array<{ from: bigint; stamp: number }>>();
  private sorted = false;

  add(partition: number, from: bigint, stamp: number): void {
    let sends = this.byPartition.get(partition);
    if (!sends) {
      sends = [];
      this.byPartition.set(partition, sends);
    }
    sends.push({ from, stamp });
  }

  /** The stamp of the record at `topic:partition:offset`: that of the last send starting at or before it. */
  of(source: string): number | undefined {
    if (!this.sorted) {
      // sends complete out of order (several in flight)
      for (const sends of this.byPartition.values()) {
        sends.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      }
      this.sorted = true;
    }
    const [, partition, offset] = source.split(':');
    const sends = this.byPartition.get(Number(partition));
    if (!sends || offset === undefined) {
      return undefined;
    }
    const at = BigInt(offset);
    let lo = 0;
    let hi = sends.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sends[mid].from <= at) {
        found = sends[mid].stamp;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

/** Waits until the group's committed offsets on `topic` reach its end offsets (60 s at most). */
async function waitForCommitted(args: { admin: Admin; groupId: string; topic: string }) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (await groupCaughtUp(args)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The latency phase's events, rendered before it starts so that generating them does not compete
 * with the governor for the two cores: each is stamped with the time it is sent by overwriting
 * its two timestamps (CloudEvents `time` and `occurredAt`, fixed-length ISO strings) in place.
 * Malformed records are left out: they have no decision to time.
 */
function stampedStream(args: { count: number }) {
  const mix = new EventMix({ seed: 11, cameras, startAt: new Date(), sizeRange: [1_024, 2_048] });
  const events: Array<{ key: string | null; value: Buffer; at: number[] }> = [];
  while (events.length < args.count) {
    const r = mix.next();
    if (r.kind === 'malformed') {
      continue;
    }
    const { time } = JSON.parse(r.value.toString()) as { time: string };
    const at: number[] = [];
    for (let i = r.value.indexOf(time); i >= 0; i = r.value.indexOf(time, i + 1)) {
      at.push(i);
    }
    events.push({ key: r.key, value: r.value, at });
  }
  let next = 0;
  return {
    take(count: number, now: string): Array<{ key: string | null; value: Buffer }> {
      const taken = events.slice(next, next + count);
      next += count;
      if (taken.length < count) {
        throw new Error('latency phase: ran out of rendered events');
      }
      for (const event of taken) {
        for (const at of event.at) {
          event.value.write(now, at, 'latin1');
        }
      }
      return taken;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
