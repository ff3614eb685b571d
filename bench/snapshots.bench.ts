/**
 * `npm run bench:snapshots`: the governor's event path while snapshots are redacted beside it,
 * on a real broker.
 *
 * A backlog of N canonical events (the demo mix) where one event in ten carries a snapshot:
 * a synthetic 1920×1080 street scene stored in the evidence store by event id, referenced with
 * its face, plate and person boxes. The governor (compiled, its own process, production flags)
 * governs it under the Peruvian template, whose purposes keep snapshots under `redact`; the real
 * redactor (apps/redactor) redacts the images of the resulting alerts at the same time.
 * 1. baseline: the same events without snapshots, governed with no redactor running;
 * 2. snapshots: governed events/s while the redactor works, redacted images/s, and the longest
 *    time the governor's committed count stood still (the event path stalled if it exceeds
 *    BENCH_STALL_MS). The redactor's queue pauses its own consumer when full, never the governor.
 * The last line is one JSON object: {"bench":"snapshots",…}.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import { JsonLogger } from '@lib/common';
import { topicName, type DetectionEventV1 } from '@lib/contracts';
import { EvidenceStore } from '@lib/evidence';
import { provisionTopics } from '@lib/kafka';
import { syntheticSnapshot, type SimulatedRecord, type SyntheticSnapshot } from '@lib/simulator';
import { startRedactor, type RedactorHandle } from '../apps/redactor/src/main';
import {
  benchBroker,
  benchKafka,
  benchRecords,
  brokerPid,
  demoCameras,
  drainRate,
  produceRecords,
  round,
  seedRegistry,
  spawnGovernor,
  type DrainRate,
} from './bench-support';

const ROOT = join(__dirname, '..', '..');
const N = Number(process.env.BENCH_EVENTS ?? 20_000);
const SNAPSHOT_EVERY = 10;
const SCENES = 8;
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 2_000);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'baseline,snapshots').split(','));
const POLICY_FILE = join(ROOT, 'policies/pe-municipal.policy.yaml');
const logger = new JsonLogger({ service: 'bench', level: 'error' });
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Setup {
  brokers: string;
  brokerPid: number | null;
  admin: Admin;
  env: (prefix: string) => Record<string, string>;
}

/**
 * One event in SNAPSHOT_EVERY gets a scene in the evidence store and a reference to it: the next
 * valid event once the records so far owe one more, so malformed records do not lower the share.
 */
async function withSnapshots(args: {
  input: SimulatedRecord[];
  scenes: SyntheticSnapshot[];
  store: EvidenceStore;
}): Promise<{ records: SimulatedRecord[]; snapshots: number }> {
  let snapshots = 0;
  const records: SimulatedRecord[] = [];
  for (const [index, record] of args.input.entries()) {
    const owed = Math.ceil((index + 1) / SNAPSHOT_EVERY);
    if (record.kind === 'malformed' || snapshots >= owed) {
      records.push(record);
      continue;
    }
    const event = JSON.parse(record.value.toString()) as DetectionEventV1;
    const scene = args.scenes[snapshots % args.scenes.length];
    await args.store.put(event.id, scene.jpeg, 'image/jpeg');
    event.data.snapshot = {
      ref: `tamiz-evidence:${event.id}`,
      boxes: scene.regions.map((r) => ({ ...r.box, kind: r.kind })),
    };
    records.push({ ...record, value: Buffer.from(JSON.stringify(event)) });
    snapshots += 1;
  }
  return { records, snapshots };
}

/** Governs a backlog in a governor process; with a redactor beside it, counts its images too. */
async function governPhase(args: {
  setup: Setup;
  prefix: string;
  input: SimulatedRecord[];
  redactor?: RedactorHandle;
}): Promise<{ drained: DrainRate; alerts: number; redactedDuring: number }> {
  const { setup, prefix } = args;
  await provisionTopics({ admin: setup.admin, naming: { prefix } });
  await produceRecords({
    brokers: setup.brokers,
    topic: topicName('detections.raw.v1', { prefix }),
    input: args.input,
  });
  const governor = await spawnGovernor({ root: ROOT, env: setup.env(prefix) });
  const drained = await drainRate({
    count: async () => (await governor.stats()).consumed,
    total: args.input.length,
    brokerPid: setup.brokerPid,
  });
  const redactedDuring = args.redactor?.redactor.tally.redacted ?? 0;
  const { alerts } = await governor.stats();
  await governor.close();
  return { drained, alerts, redactedDuring };
}

/** A counter's rate from its first move to its last, sampled every 20 ms until stopped. */
function watchProgress(count: () => number) {
  let last = count();
  let lastAt = NaN;
  let first: { at: number; count: number } | null = null;
  const timer = setInterval(() => {
    const now = count();
    if (now > last) {
      [last, lastAt] = [now, performance.now()];
      first ??= { at: lastAt, count: now };
    }
  }, 20);
  return {
    perSec: () =>
      first && lastAt > first.at ? (last - first.count) / ((lastAt - first.at) / 1000) : NaN,
    stop: () => clearInterval(timer),
  };
}

/** Waits until the redactor has read every alert the governor committed. */
async function redactorDone(redactor: RedactorHandle, alerts: number): Promise<void> {
  const deadline = performance.now() + 600_000;
  while (redactor.redactor.tally.alerts < alerts && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  const broker = await benchBroker(ROOT);
  const kafka = benchKafka(broker.brokers);
  const admin = kafka.admin();
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-bench-snapshots-'));
  const sqlitePath = join(dir, 'tamiz.sqlite');
  const evidenceDir = join(dir, 'evidence');
  const cameras = demoCameras(ROOT);
  await seedRegistry(sqlitePath, cameras);
  // generated for this run only: the template pseudonymises track ids
  const pseudonymSecret = randomBytes(32).toString('hex');
  const run = `bench-${process.pid}-${Date.now()}`;
  const setup: Setup = {
    brokers: broker.brokers,
    brokerPid: brokerPid(broker),
    admin,
    env: (prefix) => ({
      ...(process.env as Record<string, string>),
      KAFKA_BROKERS: broker.brokers,
      TAMIZ_TOPIC_PREFIX: prefix,
      TAMIZ_GROUP_ID: `${prefix}governor`,
      TAMIZ_POLICY_FILE: POLICY_FILE,
      TAMIZ_PSEUDONYM_SECRET: pseudonymSecret,
      TAMIZ_SQLITE_PATH: sqlitePath,
    }),
  };
  let redactor: RedactorHandle | null = null;
  try {
    await admin.connect();
    const input = benchRecords({ seed: 7, count: N, cameras });
    let baseline: Awaited<ReturnType<typeof governPhase>> | null = null;
    if (PHASES.has('baseline')) {
      baseline = await governPhase({ setup, prefix: `${run}-b.`, input });
      say(
        `baseline (no snapshots, no redactor): ${round(baseline.drained.perSec, 0)} events/s, ` +
          `longest pause ${round(baseline.drained.longestStallMs, 0)} ms, ${baseline.alerts} alerts`,
      );
    }
    if (!PHASES.has('snapshots')) {
      return;
    }
    const scenes = await Promise.all(
      Array.from({ length: SCENES }, (_, i) =>
        syntheticSnapshot(i + 1, { people: 2, vehicles: 2 }),
      ),
    );
    const store = new EvidenceStore({ root: evidenceDir, durable: false });
    const { records, snapshots } = await withSnapshots({ input, scenes, store });
    say(
      `events: ${N}, ${snapshots} with a snapshot (${round((snapshots / N) * 100, 1)}%), ` +
        `scene ${scenes[0].width}×${scenes[0].height}, ${round(scenes[0].jpeg.length / 1024, 0)} KiB`,
    );
    const prefix = `${run}-s.`;
    await provisionTopics({ admin, naming: { prefix } });
    redactor = await startRedactor({
      env: {
        KAFKA_BROKERS: broker.brokers,
        TAMIZ_TOPIC_PREFIX: prefix,
        TAMIZ_REDACTOR_GROUP_ID: `${prefix}redactor`,
        TAMIZ_EVIDENCE_DIR: evidenceDir,
        TAMIZ_LOG_LEVEL: 'error',
      },
      logger,
    });
    const { tally } = redactor.redactor;
    const progress = watchProgress(() => tally.redacted);
    const governed = await governPhase({ setup, prefix, input: records, redactor });
    const stalled = governed.drained.longestStallMs > STALL_MS;
    say(
      `governed with snapshots: ${round(governed.drained.perSec, 0)} events/s, longest pause ` +
        `${round(governed.drained.longestStallMs, 0)} ms (${stalled ? 'STALLED' : 'no stall'}, ` +
        `limit ${STALL_MS} ms), broker ${round(governed.drained.brokerCores * 100, 0)}% of a core; ` +
        `${governed.redactedDuring} images redacted meanwhile`,
    );
    await redactorDone(redactor, governed.alerts);
    progress.stop();
    const imagesPerSec = progress.perSec();
    const queue = redactor.queue.stats();
    say(
      `redactor: ${tally.redacted} images of ${governed.alerts} alerts, ` +
        `${round(imagesPerSec, 1)} images/s, job p50 ${queue.p50Ms} ms, p95 ${queue.p95Ms} ms, ` +
        `missing ${tally.missing}, failed ${tally.failed}`,
    );
    say(
      JSON.stringify({
        bench: 'snapshots',
        eventsPerSec: round(governed.drained.perSec, 0),
        baselineEventsPerSec: baseline ? round(baseline.drained.perSec, 0) : null,
        redactedImagesPerSec: round(imagesPerSec, 1),
        snapshotShare: round(snapshots / N, 3),
        images: tally.redacted,
        longestStallMs: round(governed.drained.longestStallMs, 0),
        stalled,
      }),
    );
  } finally {
    await redactor?.close();
    await redactor?.queue.close();
    await admin.disconnect();
    rmSync(dir, { recursive: true, force: true });
    await broker.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
