import type {
  KafkaConsumer,
  Producer,
  ConsumerGlobalConfig,
  ConsumerTopicConfig,
  LibrdKafkaError,
  Message,
  ProducerGlobalConfig,
  ProducerTopicConfig,
  TopicPartitionOffset,
} from '@confluentinc/kafka-javascript';
import type * as RdKafkaModule from '@confluentinc/kafka-javascript';
import type { JsonLogger, LogFields } from '@lib/common';

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

/** A node-style librdkafka call as a promise. */
export function call<T = void>(
  invoke: (done: (error: LibrdKafkaError | null | undefined, value?: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject: (reason: Error) => void) => {
    // the binding's LibrdKafkaError is an Error subclass at run time, though not in its types
    invoke((error, value) => (error ? reject(error as unknown as Error) : resolve(value as T)));
  });
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

/** Connects a new client whose librdkafka error events go to the JSON logger. */
async function connected<T extends KafkaConsumer | Producer>(
  client: T,
  logger: JsonLogger,
  role: string,
): Promise<T> {
  (client as KafkaConsumer).on('event.error', (error) => {
    logger.event('warn', `librdkafka ${role}: ${error.message}`, { code: error.code });
  });
  await call((done) => client.connect({ timeout: CALL_TIMEOUT_MS }, (error) => done(error)));
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
    await call((done) => producer.initTransactions(CALL_TIMEOUT_MS, done));
  } catch (error) {
    await disconnect(producer);
    throw error;
  }
  return producer;
}

export function disconnect(client: KafkaConsumer | Producer): Promise<void> {
  return new Promise((resolve) => {
    if (!client.isConnected()) {
      resolve();
    } else if ('initTransactions' in client) {
      // a producer flushes first, for at most the timeout
      client.disconnect(CALL_TIMEOUT_MS, () => resolve());
    } else {
      // a consumer leaves its group (the binding's disconnect takes only a callback)
      (client.disconnect as (cb: () => void) => void).call(client, () => resolve());
    }
  });
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

export function consume(consumer: KafkaConsumer, maxMessages: number): Promise<Message[]> {
  return call<Message[]>((done) => consumer.consume(maxMessages, done));
}

export function seek(consumer: KafkaConsumer, position: TopicPartitionOffset): Promise<void> {
  return call((done) => consumer.seek(position, CALL_TIMEOUT_MS, done));
}

export const transaction = {
  begin: (producer: Producer) => call((done) => producer.beginTransaction(done)),
  sendOffsets: (producer: Producer, offsets: TopicPartitionOffset[], consumer: KafkaConsumer) =>
    call((done) => producer.sendOffsetsToTransaction(offsets, consumer, CALL_TIMEOUT_MS, done)),
  commit: (producer: Producer) => call((done) => producer.commitTransaction(CALL_TIMEOUT_MS, done)),
  abort: (producer: Producer) => call((done) => producer.abortTransaction(CALL_TIMEOUT_MS, done)),
};
