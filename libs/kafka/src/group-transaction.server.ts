import { randomUUID } from 'node:crypto';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type {
  Assignment,
  KafkaConsumer,
  LibrdKafkaError,
  Message,
  Producer,
  TopicPartitionOffset,
} from '@confluentinc/kafka-javascript';
import { topicName, type Topic, type TopicNaming } from '@lib/contracts';
import type { JsonLogger } from '@lib/common';
import { EventLoopTurns } from './event-loop-turns';
import { handleInSlices } from './handle-in-slices.util';
import type { BatchResult, InboundBatch, OutboundRecord } from './kafka.types';
import { KafkaError, KafkaErrorCode } from './kafka.error';
import { toInbound } from './kafka-records.util';
import {
  RdKafkaCode,
  committedOffsets,
  configurePolling,
  connectConsumer,
  connectTransactionalProducer,
  consume,
  describeRdKafkaError,
  disconnect,
  isStuck,
  seek,
  transaction,
} from './rdkafka-clients';

export interface GroupTransactionServerOptions {
  brokers: string[];
  clientId: string;
  groupId: string;
  naming: TopicNaming;
  logger: JsonLogger;
  /** Records per poll and per transaction at most (default 1,000). */
  maxRecordsPerTransaction?: number;
  /**
   * Records per handler call (default 100): CPU-bound handlers on the main thread take turns in
   * slices; a handler that works off the main thread takes a partition's whole share (`Infinity`).
   */
  sliceRecords?: number;
  /** Longest a fetch waits for `fetchMinBytes` (default 50 ms). */
  maxWaitTimeInMs?: number;
  /** Bytes a fetch waits for (default 1). */
  fetchMinBytes?: number;
  sessionTimeoutMs?: number;
  /**
   * Longest the instance may go without polling (default 300 s) before it leaves the group and
   * its partitions move: a handler stuck longer is treated as a dead instance.
   */
  maxPollIntervalMs?: number;
  /**
   * Transactional id of this instance (default: `<prefix><group>.<random>`, new per process). A
   * stable id per replica lets a restarted replica abort its predecessor's open transaction at
   * once; with a fresh one, that transaction holds its partitions until it times out.
   */
  transactionalId?: string;
  /** Longest a transaction may stay open before the broker aborts it (default 10 s). */
  transactionTimeoutMs?: number;
}

export interface TransportStats {
  /** Transactions committed. */
  batches: number;
  /** Input records committed. */
  records: number;
  /** Failed handler calls and aborted transactions (each followed by a re-read). */
  aborted: number;
  /** Producers replaced after a fatal error, a failed abort or a call that never answered. */
  producersReplaced: number;
  /** Consumers replaced after going too long without an assignment. */
  consumersReplaced: number;
  connected: boolean;
  /** Time spent in handlers and in the transaction round trips (ms), for profiling. */
  handlerMs: number;
  transactionMs: number;
}

type Handler = (data: unknown, ctx?: unknown) => Promise<unknown>;

/** Handled records waiting for a transaction: outputs, input positions after them, callbacks. */
interface Handled {
  outputs: Array<{ topic: string; record: OutboundRecord }>;
  /** `topic:partition` → offset of the next input record. */
  offsets: Map<string, TopicPartitionOffset>;
  records: number;
  onCommit: Array<() => void>;
}

type RebalanceEvent = { kind: 'assign' | 'revoke'; assignment: Assignment[] };

const RETRY_BACKOFF_MS = 250;
// Slices of handler work run back to back for this long before network callbacks get a turn.
const SLICE_BUDGET_MS = 5;
// The longest a poll waits for its first record.
const POLL_TIMEOUT_MS = 100;
// How often an idle instance checks whether the brokers are back after "all brokers down".
const PROBE_INTERVAL_MS = 2_000;
// The least time without an assignment before the consumer is taken to be outside the group.
const OUTSIDE_GROUP_MIN_MS = 60_000;

/**
 * Nest custom transport: exactly-once consume → transform → produce on librdkafka with the
 * KIP-447 transactional model. Handlers are registered with `@BatchPattern(topic)` and receive one
 * partition's records at a time, in offset order, in slices of at most a hundred (see
 * `handleInSlices`); the partitions of one poll are handled concurrently.
 *
 * One transactional producer serves every partition the instance owns: the outputs of all
 * partitions and their input offsets commit in one transaction. Zombies are fenced by the
 * consumer group itself: the offsets are sent with the consumer's group metadata, and the
 * coordinator refuses them from a member of an older generation; a new owner's committed-offset
 * fetch waits for (require_stable) any transaction still pending on its partitions.
 *
 * One loop polls, handles and queues; the transaction in flight commits meanwhile, and what
 * queued up behind it commits in the next one, so a slow broker gets fewer, larger transactions.
 * At most two transactions' worth of records wait. Everything that moves the consumer's position
 * (assignment, revocation, a rewind after a failure) happens in the loop between polls, with no
 * poll in flight, so no polled record can slip past it:
 * - a failed handler or transaction drops what is not committed, lets the transaction in flight
 *   end, and seeks each partition back to the first record not committed, as the group's
 *   committed offsets say (see `rewind`);
 * - a revocation drops what is queued, lets the transaction in flight commit (the generation is
 *   still current until the instance rejoins), then unassigns; an assignment starts from the
 *   committed offsets.
 * `close()` lets what is queued commit first.
 */
export class GroupTransactionServer extends Server implements CustomTransportStrategy {
  private consumer: KafkaConsumer | null = null;
  private producer: Promise<Producer> | null = null;
  private readonly turns = new EventLoopTurns(SLICE_BUDGET_MS);
  private readonly maxRecords: number;
  // records polled and not yet in a transaction (being handled or queued) at most
  private readonly maxWaiting: number;
  private readonly transactionalId: string;
  /** Handlers by physical input topic, resolved at start. */
  private readonly handlers = new Map<string, Handler>();
  private loop: Promise<void> | null = null;
  private closing = false;
  // bumped whenever polled or handled records become stale: a rewind or a rebalance
  private epoch = 0;
  private queue: Handled[] = [];
  private queuedRecords = 0;
  private handlingRecords = 0;
  private running: Promise<void> | null = null;
  private roomWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];
  private rewindRequested = false;
  private readonly rebalances: RebalanceEvent[] = [];
  /**
   * Per owned partition, where this instance believes its first record not committed is: the
   * offset after its last committed record, or the first record polled since the assignment. A
   * rewind goes there only where the group has no committed offset to say otherwise.
   */
  private readonly positions = new Map<string, TopicPartitionOffset>();
  private batchesStarted = 0;
  // readiness: partitions assigned once, and no "all brokers down" since the last sign of life
  private assigned = false;
  // since when the consumer has waited for an assignment (null: it has one)
  private awaitingAssignmentSince: number | null = null;
  private readonly sessionTimeoutMs: number;
  private brokersDown = false;
  private lastProbeMs = 0;
  private readonly stats: TransportStats = {
    batches: 0,
    records: 0,
    aborted: 0,
    producersReplaced: 0,
    consumersReplaced: 0,
    connected: false,
    handlerMs: 0,
    transactionMs: 0,
  };

  constructor(private readonly options: GroupTransactionServerOptions) {
    super();
    this.maxRecords = options.maxRecordsPerTransaction ?? 1_000;
    this.maxWaiting = 2 * this.maxRecords;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
    this.transactionalId =
      options.transactionalId ?? `${options.naming.prefix}${options.groupId}.${randomUUID()}`;
  }

  on(): never {
    throw new Error('GroupTransactionServer has no event listeners; use its stats()');
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
    this.closing = true;
    await this.loop;
    this.loop = null;
    // what is queued commits while this instance still owns its partitions
    await this.idle();
    const consumer = this.consumer;
    this.stats.connected = false;
    if (consumer) {
      await disconnect(consumer, this.options.logger);
    }
    this.consumer = null;
    const producer = this.producer;
    this.producer = null;
    await producer?.then(
      (p) => disconnect(p, this.options.logger),
      () => undefined,
    );
  }

  private async start(): Promise<void> {
    const { options } = this;
    for (const [pattern, handler] of this.messageHandlers) {
      this.handlers.set(topicName(pattern as Topic, options.naming), handler);
    }
    if (this.handlers.size === 0) {
      throw new KafkaError({ code: KafkaErrorCode.NoHandler, message: 'no @BatchPattern handler' });
    }
    this.consumer = await this.connectGroupConsumer();
    this.awaitingAssignmentSince = performance.now();
    await this.freshProducer();
    this.loop = this.pollLoop();
  }

  /**
   * A consumer in the group, subscribed to the handlers' topics. Its callbacks act only while it is
   * the instance's consumer: one being replaced just gives its partitions up.
   */
  private async connectGroupConsumer(): Promise<KafkaConsumer> {
    const { options } = this;
    let self: KafkaConsumer | null = null;
    const consumer = await connectConsumer({
      logger: options.logger,
      config: {
        'bootstrap.servers': options.brokers.join(','),
        'client.id': options.clientId,
        'group.id': options.groupId,
        'enable.auto.commit': false,
        'enable.auto.offset.store': false,
        // read_committed also makes the committed-offset fetch wait for pending transactions
        'isolation.level': 'read_committed',
        'session.timeout.ms': this.sessionTimeoutMs,
        'heartbeat.interval.ms': 1_000,
        'max.poll.interval.ms': options.maxPollIntervalMs ?? 300_000,
        'fetch.wait.max.ms': options.maxWaitTimeInMs ?? 50,
        'fetch.min.bytes': options.fetchMinBytes ?? 1,
        'queued.max.messages.kbytes': 16_384,
        'partition.assignment.strategy': 'range',
        rebalance_cb: (error: LibrdKafkaError, assignment: Assignment[]) =>
          this.onRebalance(self, error, assignment),
      },
      topicConfig: { 'auto.offset.reset': 'earliest' },
    });
    self = consumer;
    configurePolling(consumer, POLL_TIMEOUT_MS);
    consumer.on('event.error', (error) => {
      if (error.code === RdKafkaCode.allBrokersDown && consumer === this.consumer) {
        this.setBrokersDown(true);
      }
    });
    consumer.subscribe([...this.handlers.keys()]);
    return consumer;
  }

  /** librdkafka's rebalance callback: applied by the loop, between polls. */
  private onRebalance(
    from: KafkaConsumer | null,
    error: LibrdKafkaError,
    assignment: Assignment[],
  ): void {
    if (from !== this.consumer || (this.closing && !this.loop)) {
      // a replaced consumer, or leaving the group (close): nothing of it is polled or queued
      if (error.code === RdKafkaCode.revokePartitions) {
        from?.unassign();
      }
      return;
    }
    if (error.code === RdKafkaCode.assignPartitions) {
      this.rebalances.push({ kind: 'assign', assignment });
    } else if (error.code === RdKafkaCode.revokePartitions) {
      this.rebalances.push({ kind: 'revoke', assignment });
    } else {
      this.options.logger.event('warn', 'rebalance error', describeRdKafkaError(error));
    }
  }

  private async pollLoop(): Promise<void> {
    while (!this.closing && this.consumer) {
      const consumer = this.consumer;
      try {
        await this.applyPending(consumer);
        await this.room();
        if (this.closing) {
          break;
        }
        if (this.rewindRequested || this.rebalances.length > 0) {
          // came while waiting for room: applied before anything more is polled
          continue;
        }
        const epoch = this.epoch;
        const messages = await consume(consumer, this.maxRecords);
        if (messages.length === 0) {
          this.probeBrokers(consumer);
          await this.replaceConsumerIfOutsideGroup();
          continue;
        }
        this.setBrokersDown(false);
        this.notePositions(messages);
        if (this.rebalances.length > 0 || epoch !== this.epoch) {
          // polled alongside a rebalance or a failure: re-read after it (rewind or new owner)
          continue;
        }
        await this.handle(messages, epoch);
      } catch (error) {
        this.options.logger.event('warn', 'poll failed; retrying', describeRdKafkaError(error));
        await sleep(RETRY_BACKOFF_MS);
      }
    }
  }

  /** Rebalances and rewinds, in the order they came, while no poll is in flight. */
  private async applyPending(consumer: KafkaConsumer): Promise<void> {
    for (;;) {
      const rebalance = this.rebalances.shift();
      if (rebalance) {
        await this.rebalance(consumer, rebalance);
      } else if (this.rewindRequested) {
        await this.rewind(consumer);
      } else {
        return;
      }
    }
  }

  private async rebalance(consumer: KafkaConsumer, event: RebalanceEvent): Promise<void> {
    this.dropUncommitted();
    // the transaction in flight commits under the current generation, before the instance rejoins
    await this.idle();
    this.positions.clear();
    this.rewindRequested = false;
    if (event.kind === 'assign') {
      consumer.assign(event.assignment);
      this.assigned = true;
      this.awaitingAssignmentSince = null;
      this.setBrokersDown(false);
    } else {
      consumer.unassign();
      this.awaitingAssignmentSince = performance.now();
    }
    this.options.logger.event(
      'info',
      `partitions ${event.kind === 'assign' ? 'assigned' : 'revoked'}`,
      {
        partitions: event.assignment.map(partitionKey).join(','),
      },
    );
  }

  /**
   * Re-reads every owned partition from its first record not committed, as the group's committed
   * offsets say: a transaction whose outcome was unknown here (a commit that timed out, or never
   * answered) may have committed after all, and re-reading from `positions` would then repeat it.
   * Where nothing is committed yet, from the first record polled since the assignment. Requested
   * until every seek has succeeded: a failure (thrown to the loop) is tried again before the next
   * poll.
   */
  private async rewind(consumer: KafkaConsumer): Promise<void> {
    this.dropUncommitted();
    await this.idle();
    const owned = [...this.positions.values()];
    const committed = new Map<string, number>();
    if (owned.length > 0) {
      for (const c of await committedOffsets(consumer, owned)) {
        committed.set(partitionKey(c), c.offset);
      }
    }
    for (const position of owned) {
      const key = partitionKey(position);
      const offset = committed.get(key) ?? -1;
      const target = offset >= 0 ? { ...position, offset } : position;
      await seek(consumer, target);
      this.positions.set(key, target);
    }
    this.rewindRequested = false;
    await sleep(RETRY_BACKOFF_MS);
  }

  /**
   * A consumer that has had no assignment for a long time since it lost its partitions (or since
   * it started) is outside the group for good: seen once after a broker restart, when librdkafka
   * lost its membership and never joined again. It is replaced by a new one, which joins afresh;
   * the old one leaves the group in the background. (An instance the group gives no partition
   * has an assignment: an empty one.)
   */
  private async replaceConsumerIfOutsideGroup(): Promise<void> {
    const since = this.awaitingAssignmentSince;
    const limit = Math.max(OUTSIDE_GROUP_MIN_MS, 6 * this.sessionTimeoutMs);
    if (since === null || performance.now() - since < limit) {
      return;
    }
    this.options.logger.event(
      'warn',
      'no partition assignment for too long; replacing the consumer',
      {
        seconds: Math.round((performance.now() - since) / 1_000),
      },
    );
    this.dropUncommitted();
    await this.idle();
    const old = this.consumer;
    const fresh = await this.connectGroupConsumer();
    this.rebalances.length = 0;
    this.positions.clear();
    this.rewindRequested = false;
    this.consumer = fresh;
    this.awaitingAssignmentSince = performance.now();
    this.stats.consumersReplaced += 1;
    if (old) {
      void disconnect(old, this.options.logger);
    }
  }

  private setBrokersDown(down: boolean): void {
    this.brokersDown = down;
    this.stats.connected = this.assigned && !down && !this.closing;
  }

  /**
   * After "all brokers down", librdkafka reconnects by itself but says nothing when it has: an idle
   * instance asks for metadata every few seconds, and an answer marks the brokers up again.
   */
  private probeBrokers(consumer: KafkaConsumer): void {
    const now = performance.now();
    if (!this.brokersDown || now - this.lastProbeMs < PROBE_INTERVAL_MS) {
      return;
    }
    this.lastProbeMs = now;
    consumer.getMetadata({ timeout: PROBE_INTERVAL_MS }, (error) => {
      if (!error && !this.closing) {
        this.setBrokersDown(false);
      }
    });
  }

  private dropUncommitted(): void {
    this.epoch += 1;
    this.queue = [];
    this.queuedRecords = 0;
    this.wakeRoomWaiters();
  }

  private notePositions(messages: Message[]): void {
    for (const m of messages) {
      const key = partitionKey(m);
      if (!this.positions.has(key)) {
        this.positions.set(key, { topic: m.topic, partition: m.partition, offset: m.offset });
      }
    }
  }

  /** Handles a poll's records, each partition's in order, and queues them for a transaction. */
  private async handle(messages: Message[], epoch: number): Promise<void> {
    const byPartition = new Map<string, InboundBatch>();
    for (const m of messages) {
      const key = partitionKey(m);
      let batch = byPartition.get(key);
      if (!batch) {
        batch = { topic: m.topic, partition: m.partition, records: [] };
        byPartition.set(key, batch);
      }
      batch.records.push(toInbound(m));
    }
    const priority = this.batchesStarted++;
    const started = performance.now();
    this.handlingRecords += messages.length;
    try {
      const results = await Promise.all(
        [...byPartition.values()].map((input) => this.handlePartition(input, priority)),
      );
      if (epoch !== this.epoch) {
        return;
      }
      this.stats.handlerMs += performance.now() - started;
      const handled: Handled = { outputs: [], offsets: new Map(), records: 0, onCommit: [] };
      for (const [i, input] of [...byPartition.values()].entries()) {
        const result = results[i];
        if (!result) {
          this.stats.aborted += 1;
          this.requestRewind();
          return;
        }
        for (const record of result.records) {
          handled.outputs.push({ topic: topicName(record.topic, this.options.naming), record });
        }
        const last = input.records[input.records.length - 1];
        handled.offsets.set(partitionKey(input), {
          topic: input.topic,
          partition: input.partition,
          offset: Number(last.offset) + 1,
        });
        handled.records += input.records.length;
        if (result.onCommit) {
          handled.onCommit.push(result.onCommit);
        }
      }
      this.enqueue(handled);
    } finally {
      this.handlingRecords -= messages.length;
      this.wakeRoomWaiters();
    }
  }

  /** One partition's records through its handler; null (logged) if the handler failed. */
  private async handlePartition(
    input: InboundBatch,
    priority: number,
  ): Promise<BatchResult | null> {
    const handler = this.handlers.get(input.topic);
    if (!handler) {
      return { records: [] };
    }
    try {
      return await handleInSlices({
        invoke: (slice) => this.invoke(handler, slice),
        input,
        turns: this.turns,
        priority,
        sliceRecords: this.options.sliceRecords,
      });
    } catch (error) {
      this.logFailure({ input, error });
      return null;
    }
  }

  private async invoke(handler: Handler, input: InboundBatch): Promise<BatchResult> {
    const result = await lastValueFrom(this.transformToObservable(await handler(input)));
    return result as BatchResult;
  }

  private requestRewind(): void {
    this.dropUncommitted();
    this.rewindRequested = true;
  }

  private enqueue(handled: Handled): void {
    this.queue.push(handled);
    this.queuedRecords += handled.records;
    this.pump();
  }

  private pump(): void {
    if (this.running) {
      return;
    }
    if (this.queue.length === 0) {
      this.wakeIdleWaiters();
      return;
    }
    const txn = this.takeMerged();
    this.running = this.commit(txn).then((committed) => {
      this.running = null;
      if (!committed) {
        this.requestRewind();
      }
      this.pump();
    });
  }

  /** The head of the queue, with what follows merged in up to the transaction size. */
  private takeMerged(): Handled {
    const merged: Handled = { outputs: [], offsets: new Map(), records: 0, onCommit: [] };
    while (
      this.queue.length > 0 &&
      (merged.records === 0 || merged.records + this.queue[0].records <= this.maxRecords)
    ) {
      const next = this.queue.shift() as Handled;
      for (const output of next.outputs) {
        merged.outputs.push(output);
      }
      for (const [key, offset] of next.offsets) {
        merged.offsets.set(key, offset);
      }
      merged.onCommit.push(...next.onCommit);
      merged.records += next.records;
    }
    this.queuedRecords -= merged.records;
    this.wakeRoomWaiters();
    return merged;
  }

  /** One transaction: every output, then the input offsets with the group's metadata. */
  private async commit(txn: Handled): Promise<boolean> {
    const consumer = this.consumer;
    const started = performance.now();
    let producer: Producer | null = null;
    try {
      producer = await this.currentProducer();
      if (!consumer) {
        throw new Error('transport closed');
      }
      await transaction.begin(producer);
      for (const { topic, record } of txn.outputs) {
        producer.produce(
          topic,
          null,
          typeof record.value === 'string' ? Buffer.from(record.value) : record.value,
          record.key ?? undefined,
          null,
          null,
          record.headers ? [record.headers] : undefined,
        );
      }
      await transaction.sendOffsets(producer, [...txn.offsets.values()], consumer);
      await transaction.commit(producer);
    } catch (error) {
      this.stats.aborted += 1;
      this.options.logger.event('warn', 'transaction aborted; the records will be re-read', {
        records: txn.records,
        ...describeRdKafkaError(error),
      });
      await this.recover(producer, error);
      return false;
    }
    this.setBrokersDown(false);
    this.stats.transactionMs += performance.now() - started;
    this.stats.batches += 1;
    this.stats.records += txn.records;
    for (const [key, offset] of txn.offsets) {
      if (this.positions.has(key)) {
        this.positions.set(key, offset);
      }
    }
    for (const onCommit of txn.onCommit) {
      try {
        onCommit();
      } catch {
        // the transaction stands; the callback's owner logs its own failures
      }
    }
    return true;
  }

  /**
   * After a failed transaction: abort it if librdkafka can, else (fatal error, a call that never
   * answered, or the abort failing too) replace the producer. The new one's initialisation of the
   * same transactional id fences the old one and aborts whatever it left open, so the old one's
   * disconnect is not waited for: a librdkafka that hangs there cannot stall the transport.
   */
  private async recover(producer: Producer | null, error: unknown): Promise<void> {
    const usable = !(error as Partial<LibrdKafkaError>).isFatal && !isStuck(error);
    if (producer && usable) {
      try {
        await transaction.abort(producer);
        return;
      } catch (abortError) {
        this.options.logger.event('warn', 'abort failed; replacing the producer', {
          ...describeRdKafkaError(abortError),
        });
      }
    }
    const old = this.producer;
    this.producer = null;
    this.stats.producersReplaced += 1;
    void old?.then(
      (p) => disconnect(p, this.options.logger),
      () => undefined,
    );
    await sleep(RETRY_BACKOFF_MS);
    // initialised at once: it fences the old producer and ends its open transaction, which the
    // rewind's committed-offset fetch waits for
    void this.freshProducer();
  }

  private currentProducer(): Promise<Producer> {
    return this.producer ?? this.freshProducer();
  }

  private freshProducer(): Promise<Producer> {
    const { options } = this;
    const created = connectTransactionalProducer({
      logger: options.logger,
      config: {
        'bootstrap.servers': options.brokers.join(','),
        'client.id': options.clientId,
        'transactional.id': this.transactionalId,
        'transaction.timeout.ms': options.transactionTimeoutMs ?? 10_000,
        'linger.ms': 1,
      },
      // the same partition for the same key as the Java client and kafkajs
      topicConfig: { partitioner: 'murmur2_random' },
    });
    this.producer = created;
    created.catch(() => {
      if (this.producer === created) {
        this.producer = null;
      }
    });
    return created;
  }

  private room(): Promise<void> {
    if (this.waitingRecords() < this.maxWaiting) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private waitingRecords(): number {
    return this.queuedRecords + this.handlingRecords;
  }

  private wakeRoomWaiters(): void {
    if (this.waitingRecords() >= this.maxWaiting) {
      return;
    }
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Resolves when nothing is queued or in flight. */
  private idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((wake) => wake());
  }

  private logFailure(args: { input: InboundBatch; error: unknown }): void {
    const { input, error } = args;
    this.options.logger.event('warn', 'handler failed; the records will be re-read', {
      topic: input.topic,
      partition: input.partition,
      firstOffset: input.records[0]?.offset,
      error: error instanceof Error ? error.name : 'unknown',
      code: error instanceof KafkaError ? error.code : undefined,
    });
  }
}

/** `topic:partition`, the key of a partition's position and offsets. */
function partitionKey(p: { topic: string; partition: number }): string {
  return `${p.topic}:${p.partition}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
