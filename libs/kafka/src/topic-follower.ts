import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { catchUpTimeout } from './kafka.error';
import { withTimeout } from './with-timeout.util';

export interface FollowedRecord {
  key: string | null;
  value: Buffer | null;
  offset: string;
}

/**
 * Reads a small (typically compacted) topic from its beginning and then follows it, for state
 * that every instance must see whole — e.g. the policy bundle in force. Each instance uses its own
 * throwaway consumer group and commits nothing; reads are `read_committed`.
 *
 * `start()` resolves once every record that existed when it was called has been handed to
 * `onRecord`, so a caller can finish catching up before it starts deciding. The catch-up is
 * judged by the last offset seen, so the topic's writers must not be transactional (a trailing
 * commit marker would never be delivered as a record).
 */
export class TopicFollower {
  private consumer: Consumer | null = null;

  constructor(
    private readonly args: {
      kafka: Kafka;
      topic: string;
      groupPrefix: string;
      onRecord: (record: FollowedRecord) => void;
      /** Longest wait for the catch-up at start. */
      catchUpTimeoutMs?: number;
    },
  ) {}

  async start(): Promise<void> {
    const { kafka, topic } = this.args;
    const admin = kafka.admin();
    await admin.connect();
    let ends: Map<number, bigint>;
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
    const pending = new Set([...ends].filter(([, high]) => high > 0n).map(([p]) => p));
    let caughtUp: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      caughtUp = resolve;
    });
    if (pending.size === 0) {
      caughtUp();
    }
    const consumer = kafka.consumer({
      groupId: `${this.args.groupPrefix}.${randomUUID()}`,
      maxWaitTimeInMs: 250,
      retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ partition, message }) => {
        this.args.onRecord({
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          offset: message.offset,
        });
        const high = ends.get(partition);
        if (
          high !== undefined &&
          BigInt(message.offset) + 1n >= high &&
          pending.delete(partition)
        ) {
          if (pending.size === 0) {
            caughtUp();
          }
        }
        return Promise.resolve();
      },
    });
    const timeoutMs = this.args.catchUpTimeoutMs ?? 30_000;
    await withTimeout(done, timeoutMs, () => catchUpTimeout(topic, timeoutMs));
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }
}
