import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { topicName, type Topic, type TopicNaming } from '@lib/contracts';
import type { JsonLogger } from '@lib/common';
import { EventLoopTurns } from './event-loop-turns';
import { handleInSlices } from './handle-in-slices.util';
import { groupByTopic, toInbound } from './kafka-records.util';
import type { BatchResult, InboundBatch } from './kafka.types';
import { KafkaError, KafkaErrorCode } from './kafka.error';
import type { LaneTransaction, PartitionLane } from './partition-lane';
import { PartitionLanes } from './partition-lanes';

export interface TransactionalBatchServerOptions {
  kafka: Kafka;
  groupId: string;
  naming: TopicNaming;
  logger: JsonLogger;
  /** Records per transaction at most; a larger fetched batch is split. */
  maxRecordsPerTransaction?: number;
  partitionsConsumedConcurrently?: number;
  /**
   * Records per handler call (default 100): CPU-bound handlers on the main thread take turns in
   * slices; a handler that works off the main thread takes a whole chunk (`Infinity`).
   */
  sliceRecords?: number;
  /** Longest a fetch waits for `fetchMinBytes` (default 50 ms). */
  maxWaitTimeInMs?: number;
  /**
   * Bytes a fetch waits for (default 1: it returns as soon as there is anything). Since fetching
   * no longer waits for handling, a larger value keeps a busy instance from fetching, and then
   * committing, a few records at a time.
   */
  fetchMinBytes?: number;
  sessionTimeoutMs?: number;
}

export interface TransportStats {
  batches: number;
  records: number;
  aborted: number;
  connected: boolean;
  /** Time spent in handlers and in the transaction round trips (ms), for profiling. */
  handlerMs: number;
  transactionMs: number;
}

type Handler = (data: unknown, ctx?: unknown) => Promise<unknown>;
type FetchedMessage = EachBatchPayload['batch']['messages'][number];

const RETRY_BACKOFF_MS = 250;
// Slices of handler work run back to back for this long before network callbacks get a turn.
const SLICE_BUDGET_MS = 5;

/**
 * Nest custom transport: exactly-once consume → transform → produce on kafkajs.
 *
 * Handlers are registered with `@BatchPattern(topic)` and receive one partition's records at a
 * time, in offset order, in slices of at most a hundred (see `handleInSlices`). The outputs of a
 * chunk of at most `maxRecordsPerTransaction` records and the consumer offset after it commit in
 * one Kafka transaction. kafkajs implements the pre-KIP-447 transactional model (no consumer-group
 * metadata in sendOffsets), so zombies are fenced the classic way, by transactional ids derived
 * from the input partition (see `PartitionLane`).
 *
 * Handled chunks are queued on their partition's lane, which commits them in order, one
 * transaction at a time, merging the chunks that queued up behind the one in flight: `eachBatch`
 * never waits for a commit (only for room in the queue), so fetching and handling overlap
 * committing, and a slow broker gets fewer, larger transactions. A rebalance may therefore find
 * transactions in flight; that is safe because every (re)assigned partition is claimed first: its
 * queue is dropped, its transactional ids are fenced, which waits out (or aborts) any transaction
 * an old owner, or this instance, left open, and its committed offset is read again; fetched
 * records before it are not processed. `close()` lets what is queued commit first.
 */
export class TransactionalBatchServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private admin: Admin | null = null;
  private lanes: PartitionLanes | null = null;
  private readonly running = new Set<Promise<void>>();
  private subscribed: string[] = [];
  private readonly turns = new EventLoopTurns(SLICE_BUDGET_MS);
  private batchesStarted = 0;
  private joins = 0;
  private readonly stats: TransportStats = {
    batches: 0,
    records: 0,
    aborted: 0,
    connected: false,
    handlerMs: 0,
    transactionMs: 0,
  };

  constructor(private readonly options: TransactionalBatchServerOptions) {
    super();
  }

  on(): never {
    throw new Error('TransactionalBatchServer has no event listeners; use its stats()');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  transportStats(): Readonly<TransportStats> {
    return this.stats;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    // Let started transactions commit while this instance still owns their partitions, so that a
    // successor does not have to abort them; then leave the group.
    try {
      consumer?.pause(this.subscribed.map((topic) => ({ topic })));
    } catch {
      // not running yet: nothing was started either
    }
    await Promise.allSettled([...this.running]);
    await this.lanes?.settleAll();
    this.consumer = null;
    this.stats.connected = false;
    await consumer?.disconnect();
    await this.lanes?.closeAll();
    this.lanes = null;
    await this.admin?.disconnect();
    this.admin = null;
  }

  private async start(): Promise<void> {
    const patterns = [...this.messageHandlers.keys()] as Topic[];
    if (patterns.length === 0) {
      throw new KafkaError({ code: KafkaErrorCode.NoHandler, message: 'no @BatchPattern handler' });
    }
    const { kafka, groupId } = this.options;
    const consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      // kafkajs defaults to 60 s; a replacement for a crashed instance should not wait that long.
      rebalanceTimeout: Math.max(this.options.sessionTimeoutMs ?? 10_000, 10_000),
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 50,
      minBytes: this.options.fetchMinBytes ?? 1,
      retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      // connected (ready) once the assigned partitions are claimed, whether or not that worked:
      // a failed claim is retried by the partition's next batch
      const joined = ++this.joins;
      void this.lanes?.assign(e.payload.memberAssignment).then(() => {
        this.stats.connected = joined === this.joins && this.consumer !== null;
      });
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.joins++;
      this.stats.connected = false;
      this.options.logger.event('error', 'consumer crashed', {
        error: e.payload.error.name,
        restart: e.payload.restart,
      });
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.joins++;
      this.stats.connected = false;
    });
    this.consumer = consumer;
    const admin = kafka.admin();
    this.admin = admin;
    this.lanes = new PartitionLanes({
      kafka,
      admin,
      groupId,
      prefix: this.options.naming.prefix,
      maxRecordsPerTransaction: this.options.maxRecordsPerTransaction,
      logger: this.options.logger,
      seek: (position) => consumer.seek(position),
    });
    await admin.connect();
    await consumer.connect();
    this.subscribed = patterns.map((p) => topicName(p, this.options.naming));
    await consumer.subscribe({ topics: this.subscribed, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => {
        const running = this.onBatch(payload, patterns);
        this.running.add(running);
        return running.finally(() => this.running.delete(running));
      },
    });
  }

  private async onBatch(payload: EachBatchPayload, patterns: Topic[]): Promise<void> {
    const { batch } = payload;
    const pattern = patterns.find((p) => topicName(p, this.options.naming) === batch.topic);
    const handler = pattern ? this.messageHandlers.get(pattern) : undefined;
    if (!handler) {
      return;
    }
    const lanes = this.lanes;
    if (!lanes) {
      return;
    }
    const lane = lanes.laneFor(batch.topic, batch.partition);
    if (!lane.claimed && !(await lanes.admit(lane, payload))) {
      return;
    }
    const limit = this.options.maxRecordsPerTransaction ?? 1_000;
    const priority = this.batchesStarted++;
    // Fetched chunks are submitted to the lane, which handles them in order and queues their
    // transactions (merged when several wait): this returns once the lane has room, without
    // waiting for handling or commit, so that kafkajs fetches the next batch meanwhile. The
    // offsets are resolved at once; if handling or a transaction fails, the lane drops what
    // followed and the partition is re-read from the failed chunk (seek).
    for (let start = 0; start < batch.messages.length; start += limit) {
      // Backpressure: at most two transactions' worth of records wait per partition.
      await lane.room();
      // A seek (after a failed transaction) or a rebalance makes prefetched batches stale.
      if (!payload.isRunning() || payload.isStale() || !lane.claimed) {
        return;
      }
      const chunk = batch.messages.slice(start, start + limit);
      lane.submit({
        records: chunk.length,
        handle: () =>
          this.handleChunk({
            topic: batch.topic,
            partition: batch.partition,
            lane,
            handler,
            chunk,
            priority,
          }),
      });
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.heartbeat();
    }
  }

  /**
   * Handles one chunk into its transaction; null if the handler failed, in which case the
   * partition is rewound and re-read from the chunk's first record.
   */
  private async handleChunk(args: {
    topic: string;
    partition: number;
    lane: PartitionLane;
    handler: Handler;
    chunk: FetchedMessage[];
    priority: number;
  }): Promise<LaneTransaction | null> {
    const { topic, partition, lane, chunk } = args;
    const input = {
      topic,
      partition,
      records: chunk.map((message) => toInbound({ topic, partition, message })),
    };
    const started = performance.now();
    let result: BatchResult;
    let topicMessages: LaneTransaction['topicMessages'];
    try {
      result = await handleInSlices({
        invoke: (slice) => this.invoke(args.handler, slice),
        input,
        turns: this.turns,
        priority: args.priority,
        sliceRecords: this.options.sliceRecords,
      });
      // inside the try: a chunk whose outputs cannot be grouped must be re-read, not dropped
      topicMessages = groupByTopic({ records: result.records, naming: this.options.naming });
    } catch (error) {
      this.logFailure({ input, error });
      lane.rewind();
      this.consumer?.seek({ topic, partition, offset: chunk[0].offset });
      await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS));
      return null;
    }
    const handled = performance.now();
    this.stats.handlerMs += handled - started;
    return {
      topicMessages,
      nextOffset: (BigInt(chunk[chunk.length - 1].offset) + 1n).toString(),
      records: chunk.length,
      onCommit: () => {
        this.stats.transactionMs += performance.now() - handled;
        this.stats.batches += 1;
        this.stats.records += chunk.length;
        result.onCommit?.();
      },
      onFailure: (error) => {
        this.logFailure({ input, error });
        this.consumer?.seek({ topic, partition, offset: chunk[0].offset });
      },
    };
  }

  private async invoke(handler: Handler, input: InboundBatch): Promise<BatchResult> {
    const result = await lastValueFrom(this.transformToObservable(await handler(input)));
    return result as BatchResult;
  }

  private logFailure(args: { input: InboundBatch; error: unknown }): void {
    const { input, error } = args;
    this.stats.aborted += 1;
    this.options.logger.event('warn', 'transaction aborted; the batch will be re-read', {
      topic: input.topic,
      partition: input.partition,
      firstOffset: input.records[0]?.offset,
      error: error instanceof Error ? error.name : 'unknown',
      code: error instanceof KafkaError ? error.code : undefined,
    });
  }
}
