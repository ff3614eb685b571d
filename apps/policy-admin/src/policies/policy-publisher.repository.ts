import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka, Producer } from 'kafkajs';
import {
  AUTHORISATION_REGISTER_KEY,
  AUTHORISATION_REGISTER_TYPE,
  POLICY_BUNDLE_KEY,
  topicName,
  type PayloadOf,
} from '@lib/contracts';
import { provisionTopics } from '@lib/kafka';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG } from '../tokens';

export const KAFKA = Symbol('Kafka');

/** A signed record of the policies topic: a policy bundle or the register of authorisations. */
export type PoliciesRecord = PayloadOf<'policies.v1'>;

/**
 * Publishes signed records to the compacted policies topic, each under its key (`active` for a
 * bundle, `authorisations` for the register); what activation and the register wait for.
 */
export interface PolicyPublisher {
  publish(record: PoliciesRecord): Promise<void>;
}

export const POLICY_PUBLISHER = Symbol('PolicyPublisher');

/**
 * kafkajs producer: idempotent, acks from all in-sync replicas, one request in flight so the
 * order of publications is the order on the topic. Connects (and provisions the topic) on first
 * use, so the API starts and serves reads while the broker is away.
 */
@Injectable()
export class KafkaPolicyPublisher implements PolicyPublisher, OnApplicationShutdown {
  private producer: Producer | null = null;
  private admin: Admin | null = null;
  private ready = false;
  // One publication at a time (activations and the register share the producer and its setup).
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
  ) {}

  publish(record: PoliciesRecord): Promise<void> {
    const next = this.queue.then(
      () => this.publishNow(record),
      () => this.publishNow(record),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async publishNow(record: PoliciesRecord): Promise<void> {
    const naming = { prefix: this.config.topicPrefix };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`publish timed out after ${this.config.publishTimeoutMs} ms`)),
        this.config.publishTimeoutMs,
      );
    });
    try {
      await Promise.race([this.send(record, topicName('policies.v1', naming)), timeout]);
    } catch (error) {
      // A producer in an unknown state is dropped; the next publication starts afresh.
      await this.reset();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(record: PoliciesRecord, topic: string): Promise<void> {
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
      messages: [{ key: keyOf(record), value: JSON.stringify(record) }],
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

function keyOf(record: PoliciesRecord): string {
  return record.schema === AUTHORISATION_REGISTER_TYPE
    ? AUTHORISATION_REGISTER_KEY
    : POLICY_BUNDLE_KEY;
}
