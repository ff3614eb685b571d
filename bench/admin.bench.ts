/**
 * `npm run bench:admin`: what a DPO waits for.
 * 1. Impact simulation: a candidate policy against the active one over 100,000 raw detections
 *    recorded on the raw topic (read back by timestamp, nothing emitted).
 * 2. Hot reload: two governors deciding while events flow; a signed bundle is published and the
 *    time until every instance has switched (and until the first committed decision under the new
 *    version) is measured.
 * Last line: {"bench":"admin","simulatedEvents":…,"simulateSeconds":…,"reloadSeconds":…}
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  POLICY_BUNDLE_KEY,
  POLICY_BUNDLE_TYPE,
  topicName,
  type CameraRecord,
  type DecisionRecordV1,
} from '@lib/contracts';
import { provisionTopics, readTopicRange } from '@lib/kafka';
import { CameraRepository, openDataSource } from '@lib/persistence';
import {
  ImpactSimulation,
  compilePolicy,
  parsePolicyText,
  policyHash,
  signPolicyBundle,
} from '@lib/policy';
import { EventMix } from '@lib/simulator';
import { startGovernor, type GovernorHandle } from '../apps/governor/src/main';
import { PolicyHolderService } from '../apps/governor/src/policy-holder.service';
import { JsonLogger } from '@lib/common';
import { benchBroker, benchKafka, round } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const N = Number(process.env.BENCH_EVENTS ?? 100_000);
const POLICY_FILE = join(ROOT, 'policies/demo/lima-demo.policy.yaml');
const cameras = JSON.parse(
  readFileSync(join(ROOT, 'policies/demo/cameras.json'), 'utf8'),
) as CameraRecord[];
const say = (line: string) => process.stdout.write(`${line}\n`);
const logger = new JsonLogger({ service: 'bench', level: 'error' });

/** The demo policy relaxed the way a DPO might propose: loitering in, gender kept, 0.5 enough. */
function candidateText(): string {
  return readFileSync(POLICY_FILE, 'utf8')
    .replace(
      'analytics: [intrusion, fight, weapon, abandoned-object]',
      'analytics: [intrusion, fight, weapon, abandoned-object, loitering]',
    )
    .replace('minConfidence: 0.6', 'minConfidence: 0.5')
    .replace(
      '      - attributes.person.carrying\n',
      '      - attributes.person.carrying\n      - attributes.person.gender\n',
    )
    .replace(/version: '?[\w.-]+'?/, "version: 'candidate'");
}

async function produce(brokers: string, topic: string, count: number, seed: number) {
  const mix = new EventMix({ seed, cameras, startAt: new Date(), sizeRange: [1_024, 2_048] });
  const producer = benchKafka(brokers).producer({ maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < count; i += 500) {
    const messages = Array.from({ length: Math.min(500, count - i) }, () => mix.next()).map(
      (r) => ({ key: r.key, value: r.value }),
    );
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

async function simulatePhase(brokers: string, prefix: string) {
  const kafka = benchKafka(brokers);
  const admin = kafka.admin();
  await admin.connect();
  await provisionTopics({ admin, naming: { prefix } });
  await admin.disconnect();
  const raw = topicName('detections.raw.v1', { prefix });
  const since = Date.now() - 60_000;
  await produce(brokers, raw, N, 11);
  const byId = new Map(cameras.map((c) => [c.cameraId, c]));
  const started = performance.now();
  const simulation = new ImpactSimulation({
    active: compilePolicy(parsePolicyText(readFileSync(POLICY_FILE, 'utf8'), 'yaml')),
    candidate: compilePolicy(parsePolicyText(candidateText(), 'yaml')),
    camera: (id) => byId.get(id) ?? null,
  });
  const read = await readTopicRange({
    kafka,
    topic: raw,
    sinceMs: since,
    onRecord: (value) => simulation.add(value),
  });
  const seconds = (performance.now() - started) / 1000;
  const report = simulation.report();
  say(
    `simulation: ${read.records} records (${report.invalid} invalid) in ${round(seconds, 2)} s = ${Math.round(read.records / seconds)} records/s`,
  );
  say(
    `  active: forwarded ${report.tallies.active.forwarded}, suppressed ${report.tallies.active.suppressed}; candidate: forwarded ${report.tallies.candidate.forwarded}, suppressed ${report.tallies.candidate.suppressed}; changed ${report.changed}`,
  );
  say(
    `  newly exposed: ${report.newlyExposed.map((f) => `${f.purpose}:${f.path} (${f.events})`).join(', ') || 'none'}`,
  );
  return { events: read.records, seconds };
}

async function reloadPhase(brokers: string, prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-bench-admin-'));
  const keys = generateKeyPairSync('ed25519');
  const keyFile = join(dir, 'k1.pem');
  writeFileSync(keyFile, keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const sqlitePath = join(dir, 'tamiz.sqlite');
  const ds = await openDataSource({ sqlitePath });
  await new CameraRepository(ds).upsertMany(cameras);
  await ds.destroy();
  const env = {
    ...process.env,
    KAFKA_BROKERS: brokers,
    TAMIZ_TOPIC_PREFIX: prefix,
    TAMIZ_GROUP_ID: `${prefix}governor`,
    TAMIZ_POLICY_FILE: POLICY_FILE,
    TAMIZ_POLICY_PUBLIC_KEYS: `k1=${keyFile}`,
    TAMIZ_SQLITE_PATH: sqlitePath,
    TAMIZ_HTTP_PORT: '0',
    TAMIZ_LOG_LEVEL: 'error',
  };
  const governors: GovernorHandle[] = [];
  const kafka = benchKafka(brokers);
  const producer = kafka.producer({ maxInFlightRequests: 1 });
  const decisions = kafka.consumer({ groupId: `${prefix}watch`, maxWaitTimeInMs: 50 });
  let flowing = true;
  try {
    governors.push(await startGovernor({ env, logger }), await startGovernor({ env, logger }));
    const raw = topicName('detections.raw.v1', { prefix });
    // events flow at about 1,000/s during the whole measurement
    const mix = new EventMix({ seed: 5, cameras, startAt: new Date(), sizeRange: [1_024, 2_048] });
    await producer.connect();
    const flow = (async () => {
      while (flowing) {
        const messages = Array.from({ length: 100 }, () => mix.next()).map((r) => ({
          key: r.key,
          value: r.value,
        }));
        await producer.send({ topic: raw, messages });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    let firstNewDecisionAt = NaN;
    await decisions.connect();
    await decisions.subscribe({ topics: [topicName('decisions.v1', { prefix })] });
    await decisions.run({
      eachMessage: async ({ message }) => {
        const d = JSON.parse(message.value?.toString() ?? '{}') as DecisionRecordV1;
        if (d.policy?.version === 'bench-2' && Number.isNaN(firstNewDecisionAt)) {
          firstNewDecisionAt = performance.now();
        }
        return Promise.resolve();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // steady flow first

    const document = parsePolicyText(readFileSync(POLICY_FILE, 'utf8'), 'yaml') as {
      metadata: { version: string };
    };
    document.metadata.version = 'bench-2';
    const bundle = signPolicyBundle(
      {
        schema: POLICY_BUNDLE_TYPE,
        sequence: 1,
        policyId: 'lima-demo',
        version: 'bench-2',
        hash: policyHash(document),
        activatedAt: new Date().toISOString(),
        authoredBy: 'bench-dpo-1',
        approvedBy: 'bench-dpo-2',
        document,
      },
      { keyId: 'k1', privateKey: keys.privateKey },
    );
    const published = performance.now();
    await producer.send({
      topic: topicName('policies.v1', { prefix }),
      acks: -1,
      messages: [{ key: POLICY_BUNDLE_KEY, value: JSON.stringify(bundle) }],
    });
    const holders = governors.map((g) => g.app.get(PolicyHolderService));
    while (!holders.every((h) => h.status().policy?.version === 'bench-2')) {
      if (performance.now() - published > 30_000) {
        throw new Error('governors did not switch within 30 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const switchedMs = performance.now() - published;
    while (Number.isNaN(firstNewDecisionAt) && performance.now() - published < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const committedMs = firstNewDecisionAt - published;
    flowing = false;
    await flow;
    say(
      `hot reload: both governors switched ${round(switchedMs, 0)} ms after the publish; first committed decision under the new version after ${round(committedMs, 0)} ms`,
    );
    return { switchedMs, committedMs };
  } finally {
    flowing = false;
    await decisions.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await Promise.allSettled(governors.map((g) => g.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const broker = await benchBroker(ROOT);
  const run = `bench-admin-${process.pid}-${Date.now()}`;
  try {
    say(
      `node ${process.version}, ${N} raw detections, policy ${POLICY_FILE.slice(ROOT.length + 1)}`,
    );
    const sim = await simulatePhase(broker.brokers, `${run}-s.`);
    const reload = await reloadPhase(broker.brokers, `${run}-r.`);
    say(
      JSON.stringify({
        bench: 'admin',
        simulatedEvents: sim.events,
        simulateSeconds: round(sim.seconds, 2),
        reloadSeconds: round(Math.max(reload.switchedMs, reload.committedMs) / 1000, 3),
      }),
    );
  } finally {
    await broker.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${String(error)}\n`);
    process.exit(1);
  },
);
