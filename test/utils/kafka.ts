import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage } from 'kafkajs';
import { groupCaughtUp } from '@lib/kafka';

/** Kafka helpers for tests: unique names, a silent client, exact reads, no sleeps for sync. */
export function brokersFromEnv(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'KAFKA_BROKERS is not set: run through `npm test` (the global setup starts Kafka)',
    );
  }
  return brokers.split(',');
}

export function uniqueName(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

export function testKafka(clientId = 'tamiz-test'): Kafka {
  return new Kafka({
    clientId,
    brokers: brokersFromEnv(),
    logLevel: logLevel.NOTHING,
    retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 3_000 },
  });
}

export async function waitFor<T>(args: {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  check: () => Promise<T | undefined | false>;
}): Promise<T> {
  const deadline = Date.now() + args.timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await args.check();
      if (value !== undefined && value !== false) {
        return value;
      }
      // an earlier failure is not why the wait went on: the check answered since
      last = undefined;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, args.intervalMs ?? 200));
  }
  throw new Error(
    `timed out waiting for ${args.what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/** Sum of the group's committed offsets on a topic equals the topic's end offsets. */
export async function waitForGroupCaughtUp(args: {
  admin: Admin;
  groupId: string;
  topic: string;
  timeoutMs: number;
}): Promise<void> {
  await waitFor({
    what: `group ${args.groupId} to consume all of ${args.topic}`,
    timeoutMs: args.timeoutMs,
    check: () => groupCaughtUp(args),
  });
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with `read_committed` until `expected` messages have arrived,
 * then keeps reading for `quietMs` more to catch anything extra (the only bounded wait here:
 * with transactions, end offsets also count commit markers, so they cannot tell the count).
 */
export async function readTopic(args: {
  kafka: Kafka;
  topic: string;
  expected: number;
  timeoutMs: number;
  quietMs?: number;
}): Promise<ReadMessage[]> {
  const messages: ReadMessage[] = [];
  const consumer: Consumer = args.kafka.consumer({
    groupId: uniqueName('reader'),
    readUncommitted: false,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [args.topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push(toRead(partition, message));
      },
    });
    await waitFor({
      what: `${args.expected} messages on ${args.topic}`,
      timeoutMs: args.timeoutMs,
      check: async () => messages.length >= args.expected,
    }).catch((error: Error) => {
      throw new Error(`${error.message} (read ${messages.length})`);
    });
    await new Promise((resolve) => setTimeout(resolve, args.quietMs ?? 1_500));
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

function toRead(partition: number, m: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v !== undefined) {
      headers[k] = String(Array.isArray(v) ? v[0] : v);
    }
  }
  return {
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString() : null,
    value: m.value ?? Buffer.alloc(0),
    headers,
  };
}
