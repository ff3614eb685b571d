import type { Admin } from 'kafkajs';
import { topicName, type TopicNaming } from '@lib/contracts';
import { JsonLogger } from '@lib/common';
import {
  GroupTransactionServer,
  provisionTopics,
  type BatchResult,
  type GroupTransactionServerOptions,
  type InboundBatch,
} from '@lib/kafka';
import {
  brokersFromEnv,
  readTopic,
  testKafka,
  uniqueName,
  waitFor,
  waitForGroupCaughtUp,
} from '../utils/kafka';

/**
 * The exactly-once transport on the real broker: one transaction per poll for every partition,
 * offsets sent with the group's metadata (KIP-447). Each test has its own topics and group.
 */

const RECORDS = 600;
const logger = new JsonLogger({ service: 'transport-test', level: 'error' });

/** Copies each input to the decisions topic, tagged with its source position. */
function copy(batch: InboundBatch): BatchResult {
  return {
    records: batch.records.map((r) => ({
      topic: 'decisions.v1' as const,
      key: r.key?.toString() ?? null,
      value: r.value ?? Buffer.alloc(0),
    })),
  };
}

async function listen(server: GroupTransactionServer): Promise<void> {
  await new Promise<void>(
    (resolve, reject) =>
      void server.listen((e?: unknown) =>
        e ? reject(e instanceof Error ? e : new Error('listen failed')) : resolve(),
      ),
  );
}

describe('GroupTransactionServer (real broker)', () => {
  const kafka = testKafka();
  const admin: Admin = kafka.admin();
  const servers: GroupTransactionServer[] = [];
  let naming: TopicNaming;
  let groupId: string;

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());
  beforeEach(async () => {
    naming = { prefix: `${uniqueName('gts')}.` };
    groupId = uniqueName('gts-group');
    await provisionTopics({ admin, naming });
    // idempotent: a retried send must not put an input twice on the fresh topic
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: topicName('detections.raw.v1', naming),
      messages: Array.from({ length: RECORDS }, (_, i) => ({
        key: `camera-${i % 13}`,
        value: `record-${i}`,
      })),
    });
    await producer.disconnect();
    const ends = await admin.fetchTopicOffsets(topicName('detections.raw.v1', naming));
    expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(RECORDS);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  function server(
    handler: (batch: InboundBatch) => Promise<BatchResult>,
    options: Partial<GroupTransactionServerOptions> = {},
  ): GroupTransactionServer {
    const s = new GroupTransactionServer({
      brokers: brokersFromEnv(),
      clientId: 'transport-test',
      groupId,
      naming,
      logger,
      maxRecordsPerTransaction: 50,
      sessionTimeoutMs: 6_000,
      ...options,
    });
    s.addHandler('detections.raw.v1', handler);
    servers.push(s);
    return s;
  }

  const caughtUp = () =>
    waitForGroupCaughtUp({
      admin,
      groupId,
      topic: topicName('detections.raw.v1', naming),
      timeoutMs: 60_000,
    });

  async function committedOutputs(): Promise<string[]> {
    const read = await readTopic({
      kafka,
      topic: topicName('decisions.v1', naming),
      expected: RECORDS,
      timeoutMs: 30_000,
      quietMs: 2_000,
    });
    return read.map((m) => m.value.toString());
  }

  function expectEachOnce(values: string[]): void {
    expect(values).toHaveLength(RECORDS);
    expect(new Set(values).size).toBe(RECORDS);
  }

  it('should re-read the records of a failed handler call and commit each output once', async () => {
    let failures = 0;
    const s = server(async (batch) => {
      // the call that holds record-300 fails twice, then succeeds
      if (failures < 2 && batch.records.some((r) => r.value?.toString() === 'record-300')) {
        failures += 1;
        throw new Error('handler failure for the test');
      }
      return copy(batch);
    });
    await listen(s);
    await caughtUp();
    expect(failures).toBe(2);
    expect(s.transportStats().aborted).toBeGreaterThanOrEqual(2);
    expectEachOnce(await committedOutputs());
  }, 90_000);

  it('should commit each output once while instances join and leave mid-stream', async () => {
    // slow handlers and small transactions stretch the run over both rebalances
    const slow = async (batch: InboundBatch) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return copy(batch);
    };
    const started = async (what: string) => {
      const s = server(slow, { maxRecordsPerTransaction: 20 });
      await listen(s);
      await waitFor({
        what: `the ${what} instance to commit`,
        timeoutMs: 30_000,
        check: async () => s.transportStats().records >= 60,
      });
      return s;
    };
    const a = await started('first');
    const b = await started('second');
    // the first leaves mid-stream: what it has queued commits, then its partitions move to b
    servers.splice(servers.indexOf(a), 1);
    await a.close();
    expect(a.transportStats().records + b.transportStats().records).toBeLessThan(RECORDS);
    await caughtUp();
    expect(a.transportStats().records + b.transportStats().records).toBe(RECORDS);
    expectEachOnce(await committedOutputs());
  }, 120_000);

  it("should refuse a stalled instance's transaction once its partitions have moved", async () => {
    // A stalls in its first handler call for longer than its poll interval: it leaves the group
    // and B takes every partition. When A wakes, its transaction carries A's stale group
    // metadata, and the coordinator must refuse it: no output of A may become visible.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let stalled: () => void = () => undefined;
    const hasStalled = new Promise<void>((resolve) => (stalled = resolve));
    let calls = 0;
    const a = server(
      async (batch) => {
        if (calls++ === 0) {
          stalled();
          await released;
        }
        return copy(batch);
      },
      { maxPollIntervalMs: 7_000 },
    );
    await listen(a);
    await hasStalled;
    const b = server(async (batch) => copy(batch));
    await listen(b);
    await caughtUp();
    expect(b.transportStats().records).toBe(RECORDS);
    release();
    await waitFor({
      what: "the stalled instance's transaction to be refused",
      timeoutMs: 30_000,
      check: async () => a.transportStats().aborted >= 1,
    });
    expect(a.transportStats().records).toBe(0);
    await caughtUp();
    expectEachOnce(await committedOutputs());
  }, 120_000);
});
