import type {
  KafkaConsumer,
  Producer,
  ConsumerGlobalConfig,
  ConsumerTopicConfig,
  LibrdKafkaError,
  Message,
  ProducerGlobalConfig,
  ProducerTopicConfig,
  TopicPartition,
  TopicPartitionOffset,
} from '@confluentinc/kafka-javascript';
import type * as RdKafkaModule from '@confluentinc/kafka-javascript';
import type { JsonLogger, LogFields } from '@lib/common';
import { KafkaError, KafkaErrorCode } from './kafka.error';
import { withTimeout } from './with-timeout.util';

type RdKafka = typeof RdKafkaModule;
let loaded: RdKafka | null = null;

/**
 * The native binding, loaded on first use: the `@lib/kafka` barrel is also imported by code that
 * runs in worker threads (record helpers), where the addon must not be loaded.
 */
function rdkafka(): RdKafka {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('@confluentinc/kafka-javascript') as RdKafka;
  return loaded;
}

/** librdkafka's error codes used by the transport. */
export const RdKafkaCode = {
  assignPartitions: -175, // ERR__ASSIGN_PARTITIONS
  revokePartitions: -174, // ERR__REVOKE_PARTITIONS
  allBrokersDown: -187, // ERR__ALL_BROKERS_DOWN
} as const;

/** Bounds every librdkafka call that takes a timeout (initialisation, offsets, commit, abort). */
const CALL_TIMEOUT_MS = 30_000;
/**
 * The backstop for a call that never calls back (librdkafka has had such hangs, in
 * begin_transaction, which takes no timeout, and in destroy): librdkafka's own timeout answers
 * first whenever it works.
 */
export const CALL_DEADLINE_MS = CALL_TIMEOUT_MS + 10_000;

/** A binding call that answers through a node-style callback. */
type NodeCall<T> = (done: (error: LibrdKafkaError | null | undefined, value?: T) => void) => void;

/**
 * A node-style librdkafka call as a promise that settles within `deadlineMs` (default
 * `CALL_DEADLINE_MS`): past it, the call is `stuck` and its client must not be used again.
 * Not for polls: a poll answered after its deadline would have moved the consumer past records.
 */
export function call<T = void>(
  what: string,
  invoke: NodeCall<T>,
  deadlineMs = CALL_DEADLINE_MS,
): Promise<T> {
  return withTimeout(answered(invoke), deadlineMs, () => stuck(what, deadlineMs));
}

function answered<T>(invoke: NodeCall<T>): Promise<T> {
  return new Promise<T>((resolve, reject: (reason: Error) => void) => {
    // the binding's LibrdKafkaError is an Error subclass at run time, though not in its types
    invoke((error, value) => (error ? reject(error as unknown as Error) : resolve(value as T)));
  });
}

function stuck(what: string, ms: number): KafkaError {
  return new KafkaError({
    code: KafkaErrorCode.CallStuck,
    message: `librdkafka ${what} did not answer within ${ms} ms`,
    retriable: true,
  });
}

/** A call that never answered: its client is in an unknown state and is replaced. */
export function isStuck(error: unknown): boolean {
  return error instanceof KafkaError && error.code === KafkaErrorCode.CallStuck;
}

/** What a librdkafka error may be logged with: its code and librdkafka's text, never record data. */
export function describeRdKafkaError(error: unknown): LogFields {
  const e = error as Partial<LibrdKafkaError> | undefined;
  return {
    error: e?.message ?? (error instanceof Error ? error.name : 'unknown'),
    code: e?.code,
    fatal: e?.isFatal || undefined,
    abortable: e?.isTxnRequiresAbort || undefined,
  };
}

/**
 * Connects a new client whose librdkafka error events go to the JSON logger (a failed connect is
 * torn down by the binding itself).
 */
async function connected<T extends KafkaConsumer | Producer>(
  client: T,
  logger: JsonLogger,
  role: string,
): Promise<T> {
  (client as KafkaConsumer).on('event.error', (error) => {
    logger.event('warn', `librdkafka ${role}: ${error.message}`, { code: error.code });
  });
  await call(`${role} connect`, (done) =>
    client.connect({ timeout: CALL_TIMEOUT_MS }, (error) => done(error)),
  );
  return client;
}

export function connectConsumer(args: {
  config: ConsumerGlobalConfig;
  topicConfig: ConsumerTopicConfig;
  logger: JsonLogger;
}): Promise<KafkaConsumer> {
  const consumer = new (rdkafka().KafkaConsumer)(args.config, args.topicConfig);
  return connected(consumer, args.logger, 'consumer');
}

/** A connected transactional producer whose transactional id is initialised. */
export async function connectTransactionalProducer(args: {
  config: ProducerGlobalConfig;
  topicConfig: ProducerTopicConfig;
  logger: JsonLogger;
}): Promise<Producer> {
  const producer = await connected(
    new (rdkafka().Producer)(args.config, args.topicConfig),
    args.logger,
    'producer',
  );
  try {
    await call('initTransactions', (done) => producer.initTransactions(CALL_TIMEOUT_MS, done));
  } catch (error) {
    await disconnect(producer, args.logger);
    throw error;
  }
  return producer;
}

/**
 * Disconnects a client; resolves within the call deadline even if librdkafka never finishes
 * (logged), so neither a shutdown nor a producer's replacement waits forever for it.
 */
export async function disconnect(
  client: KafkaConsumer | Producer,
  logger: JsonLogger,
): Promise<void> {
  if (!client.isConnected()) {
    return;
  }
  try {
    await call('disconnect', (done) => {
      if ('initTransactions' in client) {
        // a producer flushes first, for at most the timeout
        client.disconnect(CALL_TIMEOUT_MS, () => done(null));
      } else {
        // a consumer leaves its group (the binding's disconnect takes only a callback)
        (client.disconnect as (cb: () => void) => void).call(client, () => done(null));
      }
    });
  } catch (error) {
    logger.event('warn', 'librdkafka client left behind', describeRdKafkaError(error));
  }
}

/**
 * Polls waiting at most `timeoutMs` for a first record, then takes what is already fetched, up to
 * `maxMessages`.
 */
export function configurePolling(consumer: KafkaConsumer, timeoutMs: number): void {
  consumer.setDefaultConsumeTimeout(timeoutMs);
  // in the binding, missing from its type declarations
  (
    consumer as unknown as { setDefaultIsTimeoutOnlyForFirstMessage(on: boolean): void }
  ).setDefaultIsTimeoutOnlyForFirstMessage(true);
}

/** One poll; never given a deadline (see `call`): it waits at most the polling timeout. */
export function consume(consumer: KafkaConsumer, maxMessages: number): Promise<Message[]> {
  return answered<Message[]>((done) => consumer.consume(maxMessages, done));
}

/**
 * The group's committed offsets of `partitions` (negative where none is). With read_committed,
 * librdkafka asks for stable offsets: the broker answers once no transaction is pending on them.
 */
export function committedOffsets(
  consumer: KafkaConsumer,
  partitions: TopicPartition[],
): Promise<TopicPartitionOffset[]> {
  return call<TopicPartitionOffset[]>('committed', (done) =>
    consumer.committed(partitions, CALL_TIMEOUT_MS, done),
  );
}

export function seek(consumer: KafkaConsumer, position: TopicPartitionOffset): Promise<void> {
  return call('seek', (done) => consumer.seek(position, CALL_TIMEOUT_MS, done));
}

export const transaction = {
  begin: (producer: Producer) =>
    call('beginTransaction', (done) => producer.beginTransaction(done)),
  sendOffsets: (producer: Producer, offsets: TopicPartitionOffset[], consumer: KafkaConsumer) =>
    call('sendOffsetsToTransaction', (done) =>
      producer.sendOffsetsToTransaction(offsets, consumer, CALL_TIMEOUT_MS, done),
    ),
  commit: (producer: Producer) =>
    call('commitTransaction', (done) => producer.commitTransaction(CALL_TIMEOUT_MS, done)),
  abort: (producer: Producer) =>
    call('abortTransaction', (done) => producer.abortTransaction(CALL_TIMEOUT_MS, done)),
};
