import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Partitioners, type Producer } from 'kafkajs';
import { ConfigError, JsonLogger } from '@lib/common';
import { topicName, type CameraRecord } from '@lib/contracts';
import { createKafka } from '@lib/kafka';
import { CameraRepository, openDataSource } from '@lib/persistence';
import { EventMix, type SimulatedCamera } from '@lib/simulator';
import { startGovernor, type GovernorHandle } from '../../governor/src/main';
import { startIngest, type IngestHandle } from '../../ingest/src/main';
import { startRedactor, type RedactorHandle } from '../../redactor/src/main';
import { CameraSimulator } from '../../cli/src/simulate/camera-simulator';
import { repoRoot } from './repo-root.util';
import { formatSummary } from './summary.util';

interface LocalKafka {
  brokers: string;
  stop(): Promise<void>;
}

/**
 * The demo's evidence key: made once (32 random bytes, hex, readable by the owner only) beside the
 * evidence, so that the demo's snapshots are encrypted at rest and stay readable across runs.
 */
async function demoEvidenceKey(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const key = randomBytes(32).toString('hex');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  }
}

/**
 * `npm start`: everything on embedded defaults in one process — a local Kafka broker (unless
 * KAFKA_BROKERS is set), SQLite, the demo camera registry and policy, the governor, a camera
 * simulator, and a console summary every few seconds. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const logger = new JsonLogger({ service: 'standalone', level: 'warn' });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const env: NodeJS.ProcessEnv = {
    TAMIZ_POLICY_FILE: join(root, 'policies/demo/lima-demo.policy.yaml'),
    TAMIZ_SQLITE_PATH: join(root, 'data/tamiz.sqlite'),
    TAMIZ_EVIDENCE_DIR: join(root, 'data/evidence'),
    TAMIZ_EVIDENCE_KEY: await demoEvidenceKey(join(root, 'data/evidence.key')),
    TAMIZ_INGEST_HTTP_PORT: '0',
    TAMIZ_LOG_LEVEL: 'warn',
    ...process.env,
  };

  let broker: LocalKafka | null = null;
  let governor: GovernorHandle | null = null;
  let ingest: IngestHandle | null = null;
  let redactor: RedactorHandle | null = null;
  let vendors: CameraSimulator | null = null;
  let producer: Producer | null = null;
  let timers: NodeJS.Timeout[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    say('Deteniendo… / stopping…');
    timers.forEach(clearInterval);
    vendors?.stop();
    await vendors?.close().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await ingest?.close().catch(() => undefined);
    await redactor?.close().catch(() => undefined);
    await governor?.close().catch(() => undefined);
    await broker?.stop().catch(() => undefined);
    say('Detenido / stopped.');
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    if (!env.KAFKA_BROKERS) {
      say(
        'Iniciando broker Kafka local… / starting a local Kafka broker (first run downloads it)…',
      );
      const local = (await import(join(root, 'scripts/local-kafka.mjs'))) as {
        startLocalKafka: () => Promise<LocalKafka>;
      };
      broker = await local.startLocalKafka();
      env.KAFKA_BROKERS = broker.brokers;
    }
    say(`Kafka: ${env.KAFKA_BROKERS}`);

    const cameras = JSON.parse(
      await readFile(join(root, 'policies/demo/cameras.json'), 'utf8'),
    ) as SimulatedCamera[];
    const devices = await seedRegistry({ sqlitePath: env.TAMIZ_SQLITE_PATH as string, cameras });
    say(
      `Registro de cámaras / camera registry: ${cameras.length} cámaras de demostración, ${devices} con dispositivo del fabricante / with a vendor device`,
    );

    governor = await startGovernor({ env, logger });
    say(`Gobernador listo / governor ready: ${governor.url}/health/ready`);

    ingest = await startIngest({ env, logger });
    redactor = await startRedactor({ env, logger });
    say(
      `Ingesta lista / ingest ready: ${ingest.url}/isapi/events (Hikvision ISAPI), DeepStream por Kafka`,
    );

    producer = await startSimulator({ env, cameras, logger, timers });
    // cameras that speak their vendors' formats: DeepStream into Kafka, Hikvision over HTTP with
    // synthetic snapshots, Frigate and ONVIF over MQTT when TAMIZ_MQTT_URL points at a broker
    vendors = new CameraSimulator(
      {
        cameras,
        rate: Number(env.TAMIZ_SIM_VENDOR_RATE ?? 10),
        count: 0,
        seed: 2026,
        snapshotShare: 0.1,
        malformedShare: 0.03,
        mqttUrl: env.TAMIZ_MQTT_URL ?? null,
        ingestUrl: ingest.url,
        kafka: createKafka({
          connection: { brokers: env.KAFKA_BROKERS.split(','), clientId: 'cameras' },
          logger,
        }),
        topicPrefix: env.TAMIZ_TOPIC_PREFIX ?? 'tamiz.',
      },
      new Date(),
    );
    await vendors.connect();
    void vendors.run();
    const summary = setInterval(() => {
      say(formatSummary(governor!.governor.stats()));
      const i = ingest!.ingress.stats();
      const r = redactor!.redactor.tally;
      const c = ingest!.cameras.stats();
      say(
        `  ingesta/ingest: recibidos/received ${i.received} | eventos/events ${i.published} | repetidos/repeats ${i.duplicates} | a DLQ ${i.deadLettered} | imágenes/images ${i.images} · imágenes redactadas/redacted ${r.redacted}`,
      );
      say(
        `  cámaras del fabricante/vendor cameras: resueltas/resolved ${c.resolved} | sin resolver/unresolved ${c.unresolved}`,
      );
    }, 5_000);
    timers = [...timers, summary];
    say(
      'Simulador de cámaras en marcha / camera simulator running. Ctrl-C para detener / to stop.',
    );
  } catch (error) {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `error: ${(error as Error).message}\n`,
    );
    await stop(error instanceof ConfigError ? 78 : 1);
  }
}

/**
 * The demo registry: the cameras, then the vendor device each one is, so the ingress resolves
 * what the simulated vendor cameras send. Returns how many name a vendor device.
 */
async function seedRegistry(args: {
  sqlitePath: string;
  cameras: SimulatedCamera[];
}): Promise<number> {
  const dataSource = await openDataSource({ sqlitePath: args.sqlitePath });
  try {
    const registry = new CameraRepository(dataSource);
    await registry.upsertMany(args.cameras);
    await registry.assignVendorRefs(
      args.cameras.map((c) => ({
        cameraId: c.cameraId,
        vendorFormat: c.vendorFormat ?? null,
        vendorDeviceId: c.vendorDeviceId ?? null,
        vendorChannel: c.vendorChannel ?? null,
      })),
    );
    return args.cameras.filter((c) => c.vendorDeviceId).length;
  } finally {
    await dataSource.destroy();
  }
}

async function startSimulator(args: {
  env: NodeJS.ProcessEnv;
  cameras: CameraRecord[];
  logger: JsonLogger;
  timers: NodeJS.Timeout[];
}): Promise<Producer> {
  const kafka = createKafka({
    connection: { brokers: (args.env.KAFKA_BROKERS as string).split(','), clientId: 'simulator' },
    logger: args.logger,
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const topic = topicName('detections.raw.v1', {
    prefix: args.env.TAMIZ_TOPIC_PREFIX ?? 'tamiz.',
    rawTopic: args.env.TAMIZ_RAW_TOPIC,
  });
  const mix = new EventMix({ seed: 2026, cameras: args.cameras, startAt: new Date() });
  const perTick = Math.max(1, Math.round(Number(args.env.TAMIZ_SIM_RATE ?? 40) / 10));
  args.timers.push(
    setInterval(() => {
      const messages = Array.from({ length: perTick }, () => mix.next()).map((r) => ({
        key: r.key,
        value: r.value,
      }));
      producer.send({ topic, messages }).catch(() => undefined);
    }, 100),
  );
  return producer;
}

void main();
