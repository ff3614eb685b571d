import { Kafka, logLevel, type LogEntry, type RetryOptions } from 'kafkajs';
import type { JsonLogger } from '@lib/common';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

// kafkajs logs retriable protocol answers at error level although it retries them: a coordinator
// still loading, the markers of the previous transaction still being written. Those are normal
// in a healthy cluster and would drown real errors, so they go to debug.
const RETRIED_BY_KAFKAJS = [
  'concurrent operation on the same transaction',
  'group coordinator is not available',
  'coordinator is loading',
  'not the leader for that topic-partition',
  'Limiting retries for the idempotent producer',
];

export function kafkajsLevel(
  level: number,
  log: Record<string, unknown>,
): 'error' | 'warn' | 'info' | 'debug' {
  const text = `${String(log.message)} ${typeof log.error === 'string' ? log.error : ''}`;
  if (typeof log.retryCount === 'number' || RETRIED_BY_KAFKAJS.some((m) => text.includes(m))) {
    return 'debug';
  }
  return LEVEL_NAMES[level] ?? 'info';
}

/**
 * A kafkajs client whose own logs go through our JSON logger. Only kafkajs' message and a few
 * scalar fields pass: kafkajs never logs record values, and we do not add them.
 */
export function createKafka(args: {
  connection: KafkaConnection;
  logger: JsonLogger;
  /** Overrides the default (long) retry, e.g. for a caller that must answer within seconds. */
  retry?: RetryOptions;
}): Kafka {
  return new Kafka({
    clientId: args.connection.clientId,
    brokers: args.connection.brokers,
    // A broker restart takes ~10 s here; keep retrying well past that instead of crashing.
    retry: args.retry ?? { initialRetryTime: 200, maxRetryTime: 5_000, retries: 30 },
    connectionTimeout: 3_000,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, broker, groupId, error, topic, partition } = log as Record<
          string,
          unknown
        >;
        args.logger.event(kafkajsLevel(level, log), `kafkajs: ${String(message)}`, {
          broker: typeof broker === 'string' ? broker : undefined,
          groupId: typeof groupId === 'string' ? groupId : undefined,
          topic: typeof topic === 'string' ? topic : undefined,
          partition: typeof partition === 'number' ? partition : undefined,
          error: typeof error === 'string' ? error : undefined,
        });
      },
  });
}
