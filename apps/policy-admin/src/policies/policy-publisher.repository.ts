import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { POLICY_BUNDLE_KEY, topicName, type PolicyBundleV1 } from '@lib/contracts';
import { provisionTopics } from '@lib/kafka';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG } from '../tokens';

export const KAFKA = Symbol('Kafka');

/** Publishes signed bundles to the compacted policies topic; what activation waits for. */
export interface PolicyPublisher {
  publish(bundle: PolicyBundleV1): Promise<void>;
}

export const POLICY_PUBLISHER = Symbol('PolicyPublisher');

/**
 * kafkajs producer: idempotent, acks from all in-sync replicas, one request in flight so the
 * order of activations is the order on the topic. Connects (and provisions the topic) on first
 * use, so the API starts and serves reads while the broker is away.
 */
@Injectable()
export class KafkaPolicyPublisher implements PolicyPublisher, OnApplicationShutdown {
  private producer: Producer | null = null;
  private admin: Admin | null = null;
  private ready = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
  ) {}

  async publish(bundle: PolicyBundleV1): Promise<void> {
    const naming = { prefix: this.config.topicPrefix };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`publish timed out after ${this.config.publishTimeoutMs} ms`)),
        this.config.publishTimeoutMs,
      );
    });
    try {
      await Promise.race([this.send(bundle, topicName('policies.v1', naming)), timeout]);
    } catch (error) {
      // A producer in an unknown state is dropped; the next activation starts afresh.
      await this.reset();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(bundle: PolicyBundleV1, topic: string): Promise<void> {
    if (!this.ready) {
      // Kept in fields before connecting, so a timed-out attempt can be torn down.
      this.admin = this.kafka.admin();
      await this.admin.connect();
      await provisionTopics({
        admin: this.admin,
        naming: { prefix: this.config.topicPrefix },
        topics: ['policies.v1'],
      });
      await this.admin.disconnect();
      this.admin = null;
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await this.producer.connect();
      this.ready = true;
    }
    await this.producer?.send({
      topic,
      acks: -1,
      messages: [{ key: POLICY_BUNDLE_KEY, value: JSON.stringify(bundle) }],
    });
  }

  private async reset(): Promise<void> {
    const { admin, producer } = this;
    this.admin = null;
    this.producer = null;
    this.ready = false;
    await admin?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }
}
