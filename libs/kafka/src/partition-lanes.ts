import type { Admin, EachBatchPayload, Kafka } from 'kafkajs';
import type { JsonLogger } from '@lib/common';
import { PartitionLane } from './partition-lane';

const RETRY_BACKOFF_MS = 250;

/**
 * The lanes of the partitions this instance owns, and their claims. A partition is claimed on
 * every (re)assignment: its transactional ids are fenced, which waits out any transaction an old
 * owner (or this instance before the rebalance) left open, and its committed offset is read again.
 * Records fetched before that offset, because kafkajs read it before the fencing, are skipped.
 */
export class PartitionLanes {
  private readonly lanes = new Map<string, PartitionLane>();

  constructor(
    private readonly args: {
      kafka: Kafka;
      admin: Admin;
      groupId: string;
      /** Prefix of the transactional ids, unique per deployment (topic prefix). */
      prefix: string;
      maxRecordsPerTransaction?: number;
      logger: JsonLogger;
      seek: (position: { topic: string; partition: number; offset: string }) => void;
    },
  ) {}

  laneFor(topic: string, partition: number): PartitionLane {
    const key = PartitionLane.keyOf(topic, partition);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new PartitionLane({
        kafka: this.args.kafka,
        baseTransactionalId: `${this.args.prefix}${this.args.groupId}.${topic}.${partition}`,
        consumerGroupId: this.args.groupId,
        topic,
        partition,
        maxRecordsPerTransaction: this.args.maxRecordsPerTransaction,
      });
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /**
   * A new assignment: revoked lanes are closed, and every assigned partition is claimed right
   * away, so that fencing overlaps kafkajs' own offset fetch. Resolves when the claims are done.
   */
  async assign(assignment: Record<string, number[]>): Promise<void> {
    const owned = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        owned.add(this.laneFor(topic, partition).key);
      }
    }
    const claims: Array<Promise<unknown>> = [];
    for (const [key, lane] of [...this.lanes]) {
      lane.claimed = false;
      lane.claiming = owned.has(key) ? this.claim(lane) : null;
      if (lane.claiming) {
        claims.push(lane.claiming);
      } else {
        this.lanes.delete(key);
        void lane.close();
      }
    }
    await Promise.allSettled(claims);
  }

  /**
   * First batch of a partition since it was (re)assigned: once its claim is done, the fetched
   * records must not start before the committed offset; if they do, reading resumes from it.
   * False when the batch must not be processed.
   */
  async admit(lane: PartitionLane, payload: EachBatchPayload): Promise<boolean> {
    const { topic, partition } = payload.batch;
    try {
      lane.claiming ??= this.claim(lane);
      const committed = await lane.claiming;
      if (!payload.isRunning() || payload.isStale()) {
        return false;
      }
      lane.claimed = true;
      const first = payload.batch.messages[0]?.offset;
      if (committed !== null && first !== undefined && BigInt(committed) > BigInt(first)) {
        this.args.seek({ topic, partition, offset: committed });
        return false;
      }
      return true;
    } catch (error) {
      // claimed again by the next batch, which kafkajs fetches from the same position
      lane.claiming = null;
      this.args.logger.event('warn', 'could not claim a partition; it will be re-read', {
        topic,
        partition,
        error: error instanceof Error ? error.name : 'unknown',
      });
      await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS));
      return false;
    }
  }

  async settleAll(): Promise<void> {
    await Promise.allSettled([...this.lanes.values()].map((lane) => lane.settle()));
  }

  async closeAll(): Promise<void> {
    const lanes = [...this.lanes.values()];
    this.lanes.clear();
    await Promise.allSettled(lanes.map((lane) => lane.close()));
  }

  private claim(lane: PartitionLane): Promise<string | null> {
    const claim = (async () => {
      await lane.fence();
      return this.committedOffset(lane.topic, lane.partition);
    })();
    claim.catch(() => undefined); // awaited (and reported) by admit()
    return claim;
  }

  private async committedOffset(topic: string, partition: number): Promise<string | null> {
    const [offsets] = await this.args.admin.fetchOffsets({
      groupId: this.args.groupId,
      topics: [topic],
    });
    const offset = offsets?.partitions.find((p) => p.partition === partition)?.offset;
    return offset === undefined || BigInt(offset) < 0n ? null : offset;
  }
}
