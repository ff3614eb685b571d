import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type Message,
  type Producer,
} from 'kafkajs';
import { topicName, type Topic, type TopicNaming } from '@lib/contracts';
import type { JsonLogger } from '@lib/common';
import type { BatchResult, InboundBatch, InboundRecord, OutboundRecord } from './kafka.types';
import { KafkaError, KafkaErrorCode } from './kafka.error';

export interface TransactionalBatchServerOptions {
  kafka: Kafka;
  groupId: string;
  naming: TopicNaming;
  logger: JsonLogger;
  /** Records per transaction at most; a larger fetched batch is split. */
  maxRecordsPerTransaction?: number;
  partitionsConsumedConcurrently?: number;
  maxWaitTimeInMs?: number;
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

/**
 * Nest custom transport: exactly-once consume → transform → produce on kafkajs.
 *
 * Handlers are registered with `@BatchPattern(topic)` and receive one partition's records at a
 * time. Their outputs and the consumer offset are committed in one Kafka transaction per batch.
 * kafkajs implements the pre-KIP-447 transactional model (no consumer-group metadata in
 * sendOffsets), so zombies are fenced the classic way: one transactional id per input partition.
 * A new owner of a partition initialises the same id, which aborts and fences the old owner.
 */
export class TransactionalBatchServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private readonly producers = new Map<string, Promise<Producer>>();
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
    this.consumer = null;
    this.stats.connected = false;
    await consumer?.disconnect();
    const producers = [...this.producers.values()];
    this.producers.clear();
    await Promise.allSettled(producers.map(async (p) => (await p).disconnect()));
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
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 100,
      retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 5_000 },
    });
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      this.stats.connected = true;
      void this.closeRevokedProducers(e.payload.memberAssignment);
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.stats.connected = false;
      this.options.logger.event('error', 'consumer crashed', {
        error: e.payload.error.name,
        restart: e.payload.restart,
      });
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.stats.connected = false;
    });
    this.consumer = consumer;
    await consumer.connect();
    const topics = patterns.map((p) => topicName(p, this.options.naming));
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload, patterns),
    });
  }

  private async onBatch(payload: EachBatchPayload, patterns: Topic[]): Promise<void> {
    const { batch } = payload;
    const pattern = patterns.find((p) => topicName(p, this.options.naming) === batch.topic);
    const handler = pattern ? this.messageHandlers.get(pattern) : undefined;
    if (!handler) {
      return;
    }
    const limit = this.options.maxRecordsPerTransaction ?? 1_000;
    for (let start = 0; start < batch.messages.length; start += limit) {
      // A seek (after a failed transaction) or a rebalance makes prefetched batches stale.
      if (!payload.isRunning() || payload.isStale()) {
        return;
      }
      const chunk = batch.messages.slice(start, start + limit);
      const committed = await this.commitChunk({
        topic: batch.topic,
        partition: batch.partition,
        records: chunk.map((m) => toInbound(batch.topic, batch.partition, m)),
        handle: (input) => this.invoke(handler, input),
      });
      if (!committed) {
        // Re-read from the first record of the failed chunk; later batches are stale now.
        this.consumer?.seek({
          topic: batch.topic,
          partition: batch.partition,
          offset: chunk[0].offset,
        });
        return;
      }
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.heartbeat();
    }
  }

  private async invoke(
    handler: (data: unknown, ctx?: unknown) => Promise<unknown>,
    input: InboundBatch,
  ): Promise<BatchResult> {
    const result = await lastValueFrom(this.transformToObservable(await handler(input)));
    return result as BatchResult;
  }

  /** One transaction: outputs + offset of the last record. Returns false if it was aborted. */
  private async commitChunk(args: {
    topic: string;
    partition: number;
    records: InboundRecord[];
    handle: (input: InboundBatch) => Promise<BatchResult>;
  }): Promise<boolean> {
    const { topic, partition, records } = args;
    const txId = `${this.options.naming.prefix}${this.options.groupId}.${topic}.${partition}`;
    let transaction: Awaited<ReturnType<Producer['transaction']>> | null = null;
    try {
      const started = performance.now();
      const result = await args.handle({ topic, partition, records });
      const handled = performance.now();
      this.stats.handlerMs += handled - started;
      const producer = await this.producerFor(txId);
      transaction = await producer.transaction();
      if (result.records.length > 0) {
        await transaction.sendBatch({ topicMessages: this.groupByTopic(result.records) });
      }
      const next = (BigInt(records[records.length - 1].offset) + 1n).toString();
      await transaction.sendOffsets({
        consumerGroupId: this.options.groupId,
        topics: [{ topic, partitions: [{ partition, offset: next }] }],
      });
      await transaction.commit();
      this.stats.transactionMs += performance.now() - handled;
      result.onCommit?.();
      this.stats.batches += 1;
      this.stats.records += records.length;
      return true;
    } catch (error) {
      this.stats.aborted += 1;
      this.options.logger.event('warn', 'transaction aborted; the batch will be re-read', {
        topic,
        partition,
        firstOffset: records[0]?.offset,
        error: error instanceof Error ? error.name : 'unknown',
        code: error instanceof KafkaError ? error.code : undefined,
      });
      await this.abortOrDiscard(txId, transaction);
      await new Promise((resolve) => setTimeout(resolve, 250));
      return false;
    }
  }

  /**
   * Aborts what can be aborted, then always discards the producer: after a failed send its
   * idempotence sequence numbers may be out of step with the broker, and a fresh producer with
   * the same transactional id starts clean (and aborts anything still dangling) on initialisation.
   */
  private async abortOrDiscard(
    txId: string,
    transaction: Awaited<ReturnType<Producer['transaction']>> | null,
  ): Promise<void> {
    try {
      if (transaction?.isActive()) {
        await transaction.abort();
      }
    } catch {
      // Fenced or disconnected: nothing more to do here; the next initialisation aborts it.
    }
    const producer = this.producers.get(txId);
    this.producers.delete(txId);
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private producerFor(txId: string): Promise<Producer> {
    let producer = this.producers.get(txId);
    if (!producer) {
      producer = (async () => {
        const p = this.options.kafka.producer({
          transactionalId: txId,
          idempotent: true,
          maxInFlightRequests: 1,
          transactionTimeout: 30_000,
          createPartitioner: Partitioners.DefaultPartitioner,
          // Transactions bound the damage of a failed send (abort + fresh producer), so a finite
          // retry budget is safe here, unlike for a bare idempotent producer. The first retries
          // are quick: right after a commit the coordinator is still writing markers and answers
          // the next transaction's first request with CONCURRENT_TRANSACTIONS for a few ms.
          retry: { retries: 40, initialRetryTime: 5, multiplier: 1.2, maxRetryTime: 1_000 },
        });
        await p.connect();
        return p;
      })();
      producer.catch(() => this.producers.delete(txId));
      this.producers.set(txId, producer);
    }
    return producer;
  }

  private groupByTopic(records: OutboundRecord[]): Array<{ topic: string; messages: Message[] }> {
    const byTopic = new Map<string, Message[]>();
    for (const record of records) {
      const name = topicName(record.topic, this.options.naming);
      let messages = byTopic.get(name);
      if (!messages) {
        messages = [];
        byTopic.set(name, messages);
      }
      messages.push({ key: record.key, value: record.value, headers: record.headers });
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  private async closeRevokedProducers(assignment: Record<string, number[]>): Promise<void> {
    const owned = new Set<string>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        owned.add(`${this.options.naming.prefix}${this.options.groupId}.${topic}.${partition}`);
      }
    }
    for (const [txId, producer] of [...this.producers]) {
      if (!owned.has(txId)) {
        this.producers.delete(txId);
        await producer.then((p) => p.disconnect()).catch(() => undefined);
      }
    }
  }
}

function toInbound(topic: string, partition: number, m: Batch['messages'][number]): InboundRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
    }
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key,
    value: m.value,
    timestamp: m.timestamp,
    headers,
  };
}

type Batch = EachBatchPayload['batch'];
