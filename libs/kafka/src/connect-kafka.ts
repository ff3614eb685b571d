import type { Kafka } from 'kafkajs';
import type { TopicNaming } from '@lib/contracts';
import type { JsonLogger } from '@lib/common';
import { createKafka } from './kafka-client.factory';
import type { KafkaEnvConfig } from './kafka-env';
import { ensureTopics } from './topic-provisioner';

/**
 * What every app's composition root does first: a Kafka client from its validated settings, and
 * the topics provisioned (idempotently) under its naming.
 */
export async function connectKafka(
  config: KafkaEnvConfig,
  logger: JsonLogger,
): Promise<{ kafka: Kafka; naming: TopicNaming }> {
  const kafka = createKafka({
    connection: { brokers: config.brokers, clientId: config.clientId },
    logger,
  });
  const naming = { prefix: config.topicPrefix, rawTopic: config.rawTopic };
  await ensureTopics({ kafka, naming });
  return { kafka, naming };
}
