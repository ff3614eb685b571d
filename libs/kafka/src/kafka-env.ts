import { DEFAULT_TOPIC_PREFIX } from '@lib/contracts';
import { parsers, type EnvSchema } from '@lib/common';

/** The Kafka settings every Tamiz process reads the same way. */
export interface KafkaEnvConfig {
  brokers: string[];
  topicPrefix: string;
  rawTopic: string | undefined;
  clientId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** The env schema entries of `KafkaEnvConfig`; an app spreads them into its own schema. */
export function kafkaEnv(defaults: { clientId: string }): EnvSchema<KafkaEnvConfig> {
  return {
    brokers: {
      env: 'KAFKA_BROKERS',
      required: true,
      description: 'Kafka bootstrap servers, host:port[,host:port…]',
      parse: parsers.brokers,
    },
    topicPrefix: {
      env: 'TAMIZ_TOPIC_PREFIX',
      default: DEFAULT_TOPIC_PREFIX,
      description: 'prefix of every Tamiz topic',
      parse: parsers.topicPrefix,
    },
    rawTopic: {
      env: 'TAMIZ_RAW_TOPIC',
      default: undefined,
      description: 'physical name of the raw detections topic (default <prefix>detections.raw)',
      parse: parsers.topicPrefix,
    },
    clientId: {
      env: 'TAMIZ_CLIENT_ID',
      default: defaults.clientId,
      description: 'Kafka client id',
      parse: parsers.topicPrefix,
    },
    logLevel: {
      env: 'TAMIZ_LOG_LEVEL',
      default: 'info',
      description: 'debug, info, warn or error',
      parse: parsers.oneOf(['debug', 'info', 'warn', 'error'] as const),
    },
  };
}

/** The identity of a process that writes with Kafka transactions (governor, ingest). */
export interface TransactionalEnvConfig {
  transactionalId: string | undefined;
}

export const TRANSACTIONAL_ENV: EnvSchema<TransactionalEnvConfig> = {
  transactionalId: {
    env: 'TAMIZ_TRANSACTIONAL_ID',
    default: undefined,
    description:
      "this replica's Kafka transactional id, stable across its restarts and unique among replicas (default: a new one per process)",
    parse: parsers.topicPrefix,
  },
};
