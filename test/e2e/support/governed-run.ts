import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import {
  topicName,
  type AlertV1,
  type DeadLetterRecordV1,
  type DecisionRecordV1,
  type TopicNaming,
} from '@lib/contracts';
import { provisionTopics } from '@lib/kafka';
import { CameraRepository, openDataSource } from '@lib/persistence';
import { startGovernorProcess, type GovernorProcess } from '../../utils/governor-process';
import { readTopic, testKafka, uniqueName, waitForGroupCaughtUp } from '../../utils/kafka';
import { E2E_CAMERAS, E2E_MAX_EVENT_BYTES, type ScenarioRecord } from './scenario';

const POLICY_FILE = join(__dirname, '..', 'fixtures', 'e2e.policy.yaml');

/** One isolated governed run: own topics (by prefix), own group, own SQLite file. */
export class GovernedRun {
  readonly kafka: Kafka = testKafka();
  readonly admin: Admin = this.kafka.admin();
  readonly naming: TopicNaming = { prefix: `${uniqueName('run')}.` };
  readonly groupId = uniqueName('governor');
  private readonly dir = mkdtempSync(join(tmpdir(), 'tamiz-e2e-'));
  readonly governors: GovernorProcess[] = [];

  async setUp(): Promise<void> {
    await this.admin.connect();
    await provisionTopics({ admin: this.admin, naming: this.naming });
    const dataSource = await openDataSource({ sqlitePath: join(this.dir, 'tamiz.sqlite') });
    await new CameraRepository(dataSource).upsertMany(E2E_CAMERAS);
    await dataSource.destroy();
  }

  async tearDown(): Promise<void> {
    await Promise.all(this.governors.map((g) => g.kill('SIGKILL')));
    await this.admin.disconnect();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The registry the governors read (cameras may be added before they start). */
  get sqlitePath(): string {
    return join(this.dir, 'tamiz.sqlite');
  }

  topic(logical: Parameters<typeof topicName>[0]): string {
    return topicName(logical, this.naming);
  }

  async startGovernor(extraEnv: Record<string, string> = {}): Promise<GovernorProcess> {
    const governor = await startGovernorProcess({
      KAFKA_BROKERS: process.env.KAFKA_BROKERS as string,
      TAMIZ_TOPIC_PREFIX: this.naming.prefix,
      TAMIZ_GROUP_ID: this.groupId,
      TAMIZ_POLICY_FILE: POLICY_FILE,
      TAMIZ_SQLITE_PATH: join(this.dir, 'tamiz.sqlite'),
      TAMIZ_MAX_EVENT_BYTES: String(E2E_MAX_EVENT_BYTES),
      TAMIZ_SESSION_TIMEOUT_MS: '6000',
      ...extraEnv,
    });
    this.governors.push(governor);
    return governor;
  }

  async produce(records: ScenarioRecord[]): Promise<void> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (let i = 0; i < records.length; i += 200) {
        await producer.send({
          topic: this.topic('detections.raw.v1'),
          messages: records.slice(i, i + 200).map((r) => ({ key: r.key, value: r.value })),
        });
      }
    } finally {
      await producer.disconnect();
    }
  }

  async waitUntilGoverned(timeoutMs: number): Promise<void> {
    await waitForGroupCaughtUp({
      admin: this.admin,
      groupId: this.groupId,
      topic: this.topic('detections.raw.v1'),
      timeoutMs,
    });
  }

  /**
   * Runs a test's body; if it fails, the error also carries what each governor of the run
   * reported and logged, the only clues to a failure seen once in many runs.
   */
  async explained(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const reports = await Promise.all(this.governors.map((g, i) => report(g, i)));
      const original = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error([original, ...reports, brokerLog(this.groupId)].join('\n'), {
        cause: error,
      });
    }
  }

  async readOutputs(scenario: ScenarioRecord[]): Promise<RunOutputs> {
    const count = (pred: (r: ScenarioRecord) => boolean) => scenario.filter(pred).length;
    const read = async <T>(topic: string, expected: number) =>
      (await readTopic({ kafka: this.kafka, topic, expected, timeoutMs: 90_000 })).map((m) => ({
        key: m.key,
        value: m.value,
        headers: m.headers,
        payload: JSON.parse(m.value.toString()) as T,
      }));
    const [alerts, decisions, deadLetters] = await Promise.all([
      read<AlertV1>(
        this.topic('alerts.lawful.v1'),
        count((r) => r.expect.kind === 'forward'),
      ),
      read<DecisionRecordV1>(
        this.topic('decisions.v1'),
        count((r) => r.eventId !== null),
      ),
      read<DeadLetterRecordV1>(
        this.topic('detections.dlq.v1'),
        count((r) => r.eventId === null),
      ),
    ]);
    return { alerts, decisions, deadLetters };
  }
}

async function report(governor: GovernorProcess, index: number): Promise<string> {
  const running = governor.child.exitCode === null && governor.child.signalCode === null;
  const runtime = running
    ? await fetch(`${governor.url}/health/runtime`)
        .then((res) => res.text())
        .catch(() => 'unreachable')
    : `exited (${governor.child.signalCode ?? governor.child.exitCode})`;
  // Nest's own start-up lines (they carry a "context") say nothing about a failure
  const log = governor
    .output()
    .split('\n')
    .filter((line) => !line.includes('"context":"'))
    .join('\n');
  return `--- governor ${index + 1}: ${runtime}\n${log.slice(running ? -6_000 : -2_000)}`;
}

/**
 * What the broker logged about the run's consumer group (joins, rebalances, expirations), when
 * the broker is the one this test run started (its state file names its log directory).
 */
function brokerLog(groupId: string): string {
  const stateFile = process.env.TAMIZ_KAFKA_STATE;
  if (!stateFile) {
    return '--- broker: not started by this run';
  }
  try {
    const { logsDir } = JSON.parse(readFileSync(stateFile, 'utf8')) as { logsDir: string };
    const lines = readFileSync(join(logsDir, 'server.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(groupId));
    return `--- broker, group ${groupId}:\n${lines.slice(-60).join('\n')}`;
  } catch (error) {
    return `--- broker log unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface RunOutputs {
  alerts: Array<{ key: string | null; payload: AlertV1 }>;
  decisions: Array<{
    key: string | null;
    payload: DecisionRecordV1;
    /** `tamiz-source`: `<topic>:<partition>:<offset>` of the raw record it decides. */
    headers: Record<string, string>;
  }>;
  deadLetters: Array<{ key: string | null; payload: DeadLetterRecordV1 }>;
}
