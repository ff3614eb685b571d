import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { catchUpTimeout } from './kafka.error';
import { withTimeout } from './with-timeout.util';

export interface TopicRangeResult {
  records: number;
  /** Per partition: [first offset read, end offset (exclusive)] as they were at the start. */
  ranges: Record<number, [string, string]>;
}

/**
 * Reads every record of `topic` written since `sinceMs` (by record timestamp), up to the end the
 * topic had when the read began, and hands each value to `onRecord` in partition order. A
 * sandbox read: a throwaway consumer group, nothing committed, nothing produced. Used by the
 * impact simulation to replay the last N hours of raw detections.
 */
export async function readTopicRange(args: {
  kafka: Kafka;
  topic: string;
  sinceMs: number;
  onRecord: (value: Buffer) => void;
  timeoutMs?: number;
}): Promise<TopicRangeResult> {
  const { kafka, topic } = args;
  const admin = kafka.admin();
  await admin.connect();
  let starts: Array<{ partition: number; offset: string }>;
  let ends: Array<{ partition: number; high: string }>;
  try {
    ends = await admin.fetchTopicOffsets(topic);
    starts = await admin.fetchTopicOffsetsByTimestamp(topic, args.sinceMs);
  } finally {
    await admin.disconnect();
  }
  const endOf = new Map(ends.map((e) => [e.partition, BigInt(e.high)]));
  const ranges: Record<number, [string, string]> = {};
  const pending = new Set<number>();
  for (const { partition, offset } of starts) {
    const end = endOf.get(partition) ?? 0n;
    // -1: no record at or after the timestamp
    const start = offset === '-1' ? end : BigInt(offset);
    ranges[partition] = [start.toString(), end.toString()];
    if (start < end) {
      pending.add(partition);
    }
  }
  // next offset to hand over, per partition: a seek may replay a batch already seen
  const next = new Map(Object.entries(ranges).map(([p, [start]]) => [Number(p), BigInt(start)]));
  let records = 0;
  if (pending.size === 0) {
    return { records, ranges };
  }
  const consumer = kafka.consumer({
    groupId: `tamiz-sandbox.${randomUUID()}`,
    maxBytesPerPartition: 4 * 1_048_576,
    maxBytes: 16 * 1_048_576,
    maxWaitTimeInMs: 100,
  });
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        const end = endOf.get(batch.partition) ?? 0n;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset >= (next.get(batch.partition) ?? end) && offset < end) {
            next.set(batch.partition, offset + 1n);
            if (message.value) {
              args.onRecord(message.value);
              records += 1;
            }
          }
        }
        if (BigInt(batch.lastOffset()) + 1n >= end && pending.delete(batch.partition)) {
          if (pending.size === 0) {
            finish();
          }
        }
        return Promise.resolve();
      },
    });
    for (const partition of pending) {
      consumer.seek({ topic, partition, offset: ranges[partition][0] });
    }
    const timeoutMs = args.timeoutMs ?? 120_000;
    await withTimeout(done, timeoutMs, () => catchUpTimeout(topic, timeoutMs));
    return { records, ranges };
  } finally {
    await consumer.disconnect();
  }
}
