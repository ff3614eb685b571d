import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { POLICY_BUNDLE_KEY, topicName } from '@lib/contracts';
import { provisionTopics, TopicFollower } from '@lib/kafka';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG } from '../tokens';
import { KAFKA } from './policy-publisher.repository';

/** Reads back what the policies topic holds now: the last value under the key `active`. */
export interface PolicyTopicReader {
  /** The parsed last record under `active` (null: none, or unreadable JSON). */
  readActive(): Promise<unknown>;
}

export const POLICY_TOPIC_READER = Symbol('PolicyTopicReader');

/**
 * Reads the whole (compacted, tiny) policies topic once, up to the end it had when the read
 * began, with a throwaway consumer group and read_committed, and keeps the last value of the key.
 */
@Injectable()
export class KafkaPolicyTopicReader implements PolicyTopicReader {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
  ) {}

  async readActive(): Promise<unknown> {
    const naming = { prefix: this.config.topicPrefix };
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await provisionTopics({ admin, naming, topics: ['policies.v1'] });
    } finally {
      await admin.disconnect();
    }
    let last: Buffer | null = null;
    const follower = new TopicFollower({
      kafka: this.kafka,
      topic: topicName('policies.v1', naming),
      groupPrefix: `${this.config.clientId}.policies-check`,
      catchUpTimeoutMs: this.config.publishTimeoutMs,
      onRecord: (record) => {
        if (record.key === POLICY_BUNDLE_KEY) {
          last = record.value;
        }
      },
    });
    try {
      await follower.start();
    } finally {
      await follower.stop();
    }
    return parse(last);
  }
}

function parse(value: Buffer | null): unknown {
  if (value === null) {
    return null;
  }
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
