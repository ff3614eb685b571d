import {
  Partitioners,
  type Message,
  type Producer,
  type ProducerConfig,
  type Transaction,
  type TopicOffsets,
} from 'kafkajs';

/** What a lane needs of kafkajs: `Kafka` itself, or a fake in unit specs. */
export interface LaneKafka {
  producer(config: ProducerConfig): Pick<Producer, 'connect' | 'disconnect' | 'transaction'>;
}

/**
 * One handled chunk of input: its outputs by physical topic and the input position after them.
 * Chunks queued behind a transaction in flight commit together in the next one.
 */
export interface LaneTransaction {
  topicMessages: Array<{ topic: string; messages: Message[] }>;
  /** Offset of the next input record, committed with the outputs. */
  nextOffset: string;
  /** Input records the chunk holds (the unit of the merge and queue limits). */
  records: number;
  onCommit: () => void;
  /**
   * Called after the transaction holding this chunk first was aborted: the caller must re-read
   * from the chunk's first record. The chunks merged or queued behind it are dropped unreported,
   * since re-reading from there covers them. Synchronous, so that nothing of the partition can be
   * queued between the failure and the seek.
   */
  onFailure: (error: unknown) => void;
}

/**
 * A fetched chunk of input, not yet handled. `handle()` resolves to its transaction, or to null if
 * handling failed; it never rejects: on failure the caller logs, rewinds the lane and seeks back
 * to the chunk, since only the caller can re-read the partition.
 */
export interface LaneChunk {
  records: number;
  handle: () => Promise<LaneTransaction | null>;
}

type LaneProducer = ReturnType<LaneKafka['producer']>;

const FAILURE_BACKOFF_MS = 250;
/**
 * Bytes of records per produce request at most. kafkajs writes all of a request's records for one
 * partition as one record batch, which the broker refuses above the topic's max.message.bytes
 * (1 MiB for ours): a merged transaction of a thousand decisions for one partition can exceed it.
 * Larger transactions are sent in several requests.
 */
const MAX_REQUEST_BYTES = 512 * 1024;

/**
 * The pipeline of one input partition: fetched chunks are handled one at a time and in input
 * order (`submit`), then committed one transaction at a time and in input order. Handled chunks
 * are queued; when the transaction in flight ends, everything queued behind it (up to
 * `maxRecordsPerTransaction` input records) commits in the next one. Neither the fetch nor the
 * handler waits for a commit, and the slower the broker, the larger and fewer the transactions.
 * At most `maxQueuedRecords` records wait (being handled or queued); `room()` tells the fetching
 * side when to go on.
 *
 * A failure rewinds the partition (`rewind`): the chunks submitted before it are handled no
 * further and never queued, since the caller re-reads the partition from an earlier position.
 *
 * Two transactional ids (`<base>` and `<base>.b`) are used in turn: right after a commit returns
 * the coordinator is still writing its markers and would answer the next transaction on the same
 * id with CONCURRENT_TRANSACTIONS; on the other id it starts at once. Both ids are derived from the
 * partition alone and `fence()` initialises both, so a new owner of the partition fences every
 * transaction of an old owner, whichever id it used.
 */
export class PartitionLane {
  readonly ids: readonly [string, string];
  private readonly producers: Array<Promise<LaneProducer> | null> = [null, null];
  private turn = 0;
  private queue: LaneTransaction[] = [];
  private queuedRecords = 0;
  // chunks submitted and not yet queued: their records count towards room()
  private handlingRecords = 0;
  private handling: Promise<void> = Promise.resolve();
  // bumped by every rewind: a chunk submitted in an earlier epoch is dropped
  private epoch = 0;
  private running: Promise<void> | null = null;
  private roomWaiters: Array<() => void> = [];
  private readonly maxMerged: number;
  private readonly maxQueued: number;
  private fencing: Promise<void> = Promise.resolve();
  /** The claim in progress since the last assignment: fencing, then the committed offset. */
  claiming: Promise<string | null> | null = null;
  /** Set by the transport once this owner has fenced the ids and checked the offset. */
  claimed = false;

  constructor(
    private readonly args: {
      kafka: LaneKafka;
      baseTransactionalId: string;
      consumerGroupId: string;
      topic: string;
      partition: number;
      /** Input records merged into one transaction at most (default 1,000). */
      maxRecordsPerTransaction?: number;
      /** Input records queued behind the transaction in flight before `room()` waits (default: twice that). */
      maxQueuedRecords?: number;
    },
  ) {
    this.ids = [args.baseTransactionalId, `${args.baseTransactionalId}.b`];
    this.maxMerged = args.maxRecordsPerTransaction ?? 1_000;
    this.maxQueued = args.maxQueuedRecords ?? 2 * this.maxMerged;
  }

  get topic(): string {
    return this.args.topic;
  }

  get partition(): number {
    return this.args.partition;
  }

  get key(): string {
    return PartitionLane.keyOf(this.args.topic, this.args.partition);
  }

  static keyOf(topic: string, partition: number): string {
    return `${topic}:${partition}`;
  }

  /**
   * Resolves once nothing is being handled, queued or in flight: every chunk submitted so far has
   * been committed or dropped.
   */
  async settle(): Promise<void> {
    for (;;) {
      const handling = this.handling;
      await handling;
      while (this.running) {
        await this.running;
      }
      if (handling === this.handling && !this.running) {
        return;
      }
    }
  }

  /** Resolves when the pipeline can take another chunk. */
  room(): Promise<void> {
    if (this.waitingRecords() < this.maxQueued) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /**
   * Handles a fetched chunk after those submitted before it, then queues its transaction. The
   * chunk is dropped, unhandled or unqueued, if the partition is rewound meanwhile.
   */
  submit(chunk: LaneChunk): void {
    const epoch = this.epoch;
    this.handlingRecords += chunk.records;
    this.handling = this.handling.then(async () => {
      try {
        if (epoch !== this.epoch) {
          return;
        }
        const txn = await chunk.handle().catch(() => null);
        if (txn && epoch === this.epoch) {
          this.enqueue(txn);
        }
      } finally {
        this.handlingRecords -= chunk.records;
        this.wakeRoomWaiters();
      }
    });
  }

  /**
   * The partition is about to be re-read from an earlier position: the chunks submitted so far and
   * not yet queued are dropped. What is queued stays: it precedes the position (see `dropQueued`).
   */
  rewind(): void {
    this.epoch += 1;
  }

  /** Queues a handled chunk; it commits in order, alone or with the chunks queued beside it. */
  enqueue(txn: LaneTransaction): void {
    this.queue.push(txn);
    this.queuedRecords += txn.records;
    this.pump();
  }

  /** Forgets the chunks not yet in a transaction: their partition is re-read from its offset. */
  dropQueued(): void {
    this.rewind();
    this.queue = [];
    this.queuedRecords = 0;
    this.wakeRoomWaiters();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) {
      return;
    }
    const txn = this.takeMerged();
    const id = this.turn;
    this.turn = 1 - id;
    this.running = this.run(id, txn).then((committed) => {
      this.running = null;
      if (!committed) {
        this.dropQueued();
      }
      this.pump();
    });
  }

  /** The head of the queue, with what follows it merged in up to the transaction size. */
  private takeMerged(): LaneTransaction {
    const limit = this.maxMerged;
    const taken = [this.queue[0]];
    let records = taken[0].records;
    while (
      taken.length < this.queue.length &&
      records + this.queue[taken.length].records <= limit
    ) {
      records += this.queue[taken.length].records;
      taken.push(this.queue[taken.length]);
    }
    this.queue.splice(0, taken.length);
    this.queuedRecords -= records;
    this.wakeRoomWaiters();
    if (taken.length === 1) {
      return taken[0];
    }
    const byTopic = new Map<string, Message[]>();
    for (const chunk of taken) {
      for (const { topic, messages } of chunk.topicMessages) {
        const into = byTopic.get(topic);
        if (into) {
          for (const message of messages) {
            into.push(message);
          }
        } else {
          byTopic.set(topic, [...messages]);
        }
      }
    }
    return {
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      nextOffset: taken[taken.length - 1].nextOffset,
      records,
      onCommit: () => taken.forEach((chunk) => report(() => chunk.onCommit())),
      onFailure: (error) => taken[0].onFailure(error),
    };
  }

  private waitingRecords(): number {
    return this.queuedRecords + this.handlingRecords;
  }

  private wakeRoomWaiters(): void {
    if (this.waitingRecords() >= this.maxQueued) {
      return;
    }
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    waiters.forEach((wake) => wake());
  }

  /**
   * Fresh producers for both ids. Initialising a transactional id fences any other producer that
   * holds it (an old owner of the partition, or our own before a rebalance) and returns only once
   * its open transaction is committed or aborted.
   */
  fence(): Promise<void> {
    // one at a time: a second rebalance may come while the first one's fencing still runs, and
    // must not disconnect producers that fencing is initialising
    const fencing = this.fencing.catch(() => undefined).then(() => this.fenceNow());
    this.fencing = fencing;
    return fencing;
  }

  /** For a revoked partition: what is queued is dropped, what is in flight ends, then producers go. */
  async close(): Promise<void> {
    this.dropQueued();
    await this.fencing.catch(() => undefined);
    await this.settle();
    await Promise.all([0, 1].map((id) => this.discard(id)));
  }

  private async fenceNow(): Promise<void> {
    // chunks handled before the rebalance: the partition is re-read from its committed offset
    this.dropQueued();
    await this.settle();
    await Promise.all([0, 1].map((id) => this.discard(id)));
    await Promise.all(
      [0, 1].map(async (id) => {
        const producer = await this.producer(id);
        // an empty transaction: kafkajs initialises the transactional id at the first one
        const empty = await producer.transaction();
        await empty.abort();
      }),
    );
  }

  private async run(id: number, txn: LaneTransaction): Promise<boolean> {
    let transaction: Transaction | null = null;
    try {
      const producer = await this.producer(id);
      transaction = await producer.transaction();
      const offsets: TopicOffsets = {
        topic: this.args.topic,
        partitions: [{ partition: this.args.partition, offset: txn.nextOffset }],
      };
      // Outputs and offset go out side by side: their order inside a transaction is irrelevant,
      // and this saves the offset's round trips. Both settle before anything is decided.
      const sent = await Promise.allSettled([
        sendInParts(transaction, txn.topicMessages),
        sendOffsetsRetrying({ transaction, groupId: this.args.consumerGroupId, offsets }),
      ]);
      for (const result of sent) {
        if (result.status === 'rejected') {
          throw result.reason;
        }
      }
      await transaction.commit();
    } catch (error) {
      await this.abortOrDiscard(id, transaction);
      await new Promise((resolve) => setTimeout(resolve, FAILURE_BACKOFF_MS));
      this.rewind();
      report(() => txn.onFailure(error));
      return false;
    }
    report(() => txn.onCommit());
    return true;
  }

  /**
   * Aborts what can be aborted, then always discards the producer: after a failed send its
   * idempotence sequence numbers may be out of step with the broker, and a fresh producer with
   * the same transactional id starts clean (and aborts anything still dangling) on initialisation.
   */
  private async abortOrDiscard(id: number, transaction: Transaction | null): Promise<void> {
    try {
      if (transaction?.isActive()) {
        await transaction.abort();
      }
    } catch {
      // Fenced or disconnected: nothing more to do here; the next initialisation aborts it.
    }
    await this.discard(id);
  }

  private async discard(id: number): Promise<void> {
    const producer = this.producers[id];
    this.producers[id] = null;
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private producer(id: number): Promise<LaneProducer> {
    let producer = this.producers[id];
    if (!producer) {
      producer = (async () => {
        const p = this.args.kafka.producer({
          transactionalId: this.ids[id],
          idempotent: true,
          maxInFlightRequests: 1,
          transactionTimeout: 30_000,
          createPartitioner: Partitioners.DefaultPartitioner,
          // Transactions bound the damage of a failed send (abort + fresh producer), so a finite
          // retry budget is safe here, unlike for a bare idempotent producer. The first retries
          // are quick: the coordinator answers CONCURRENT_TRANSACTIONS for the few ms it takes to
          // log a change to the transaction (see sendOffsetsRetrying).
          retry: { retries: 40, initialRetryTime: 5, multiplier: 1.2, maxRetryTime: 1_000 },
        });
        await p.connect();
        return p;
      })();
      const created = producer;
      created.catch(() => {
        if (this.producers[id] === created) {
          this.producers[id] = null;
        }
      });
      this.producers[id] = created;
    }
    return producer;
  }
}

/** The outputs of a transaction, in requests of at most MAX_REQUEST_BYTES, one after the other. */
async function sendInParts(
  transaction: Transaction,
  topicMessages: LaneTransaction['topicMessages'],
): Promise<void> {
  for (const part of splitBySize(topicMessages, MAX_REQUEST_BYTES)) {
    await transaction.sendBatch({ topicMessages: part });
  }
}

/**
 * Splits outputs into parts of at most `maxBytes` (keys, values and headers; a single larger
 * record goes alone), keeping each topic's records in order.
 */
export function splitBySize(
  topicMessages: LaneTransaction['topicMessages'],
  maxBytes: number,
): Array<LaneTransaction['topicMessages']> {
  const parts: Array<LaneTransaction['topicMessages']> = [];
  let part: LaneTransaction['topicMessages'] = [];
  let bytes = 0;
  for (const { topic, messages } of topicMessages) {
    let current: Message[] | null = null;
    for (const message of messages) {
      const size = messageBytes(message);
      if (bytes > 0 && bytes + size > maxBytes) {
        parts.push(part);
        part = [];
        bytes = 0;
        current = null;
      }
      if (!current) {
        current = [];
        part.push({ topic, messages: current });
      }
      current.push(message);
      bytes += size;
    }
  }
  if (part.length > 0) {
    parts.push(part);
  }
  return parts;
}

function messageBytes(message: Message): number {
  let bytes = byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    bytes +=
      name.length +
      (Array.isArray(value) ? value.reduce((n, v) => n + byteLength(v), 0) : byteLength(value));
  }
  return bytes;
}

function byteLength(value: Buffer | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Buffer.byteLength(value);
}

/**
 * kafkajs retries a send that the coordinator answers with CONCURRENT_TRANSACTIONS (it is still
 * logging another change to the same transaction), but not the offsets' AddOffsetsToTxn, which
 * runs into it when sent alongside the outputs. Retried here, briefly: nothing was added yet.
 */
async function sendOffsetsRetrying(args: {
  transaction: Transaction;
  groupId: string;
  offsets: TopicOffsets;
}): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await args.transaction.sendOffsets({ consumerGroupId: args.groupId, topics: [args.offsets] });
      return;
    } catch (error) {
      if (attempt >= 20 || (error as { type?: string }).type !== 'CONCURRENT_TRANSACTIONS') {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 1.5 ** attempt, 200)));
    }
  }
}

// A callback that throws must not turn a settled transaction into a rejected promise: callers
// wait on it to order the next one.
function report(callback: () => void): void {
  try {
    callback();
  } catch {
    // the transaction's outcome stands; the callback's owner logs its own failures
  }
}
