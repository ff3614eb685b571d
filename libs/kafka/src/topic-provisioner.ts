import type { Admin, Kafka } from 'kafkajs';
import { TOPIC_SPECS, topicName, type Topic, type TopicNaming } from '@lib/contracts';
import { KafkaError, KafkaErrorCode } from './kafka.error';

/**
 * Creates the declared topics that are missing, with their partitions, cleanup policy and
 * retention. Idempotent: existing topics are left as they are (a partition-count mismatch is
 * reported, never "fixed", because repartitioning breaks per-camera ordering).
 */
export async function provisionTopics(args: {
  admin: Admin;
  naming: TopicNaming;
  topics?: readonly Topic[];
}): Promise<{ created: string[]; mismatched: string[] }> {
  const wanted = (args.topics ?? (Object.keys(TOPIC_SPECS) as Topic[])).map((topic) => ({
    topic,
    name: topicName(topic, args.naming),
    spec: TOPIC_SPECS[topic],
  }));
  try {
    const existing = new Set(await args.admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await args.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.spec.partitions,
          replicationFactor: -1,
          configEntries: [
            { name: 'cleanup.policy', value: t.spec.cleanupPolicy },
            { name: 'retention.ms', value: String(t.spec.retentionMs) },
            { name: 'max.message.bytes', value: String(t.spec.maxMessageBytes) },
          ],
        })),
      });
    }
    const present = wanted.filter((t) => existing.has(t.name));
    const metadata =
      present.length > 0
        ? await args.admin.fetchTopicMetadata({ topics: present.map((t) => t.name) })
        : { topics: [] };
    const mismatched = metadata.topics
      .filter((m) => {
        const spec = present.find((t) => t.name === m.name)?.spec;
        return spec !== undefined && m.partitions.length !== spec.partitions;
      })
      .map((m) => m.name);
    return { created: missing.map((t) => t.name), mismatched };
  } catch (cause) {
    throw new KafkaError({
      code: KafkaErrorCode.ProvisionFailed,
      message: 'topic provisioning failed',
      retriable: true,
      cause,
    });
  }
}

/** `provisionTopics` with an admin client of its own, connected for the call only. */
export async function ensureTopics(args: { kafka: Kafka; naming: TopicNaming }): Promise<void> {
  const admin = args.kafka.admin();
  await admin.connect();
  try {
    await provisionTopics({ admin, naming: args.naming });
  } finally {
    await admin.disconnect();
  }
}
