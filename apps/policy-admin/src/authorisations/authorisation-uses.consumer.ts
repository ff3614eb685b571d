import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import type { JsonLogger } from '@lib/common';
import { topicName } from '@lib/contracts';
import { provisionTopics } from '@lib/kafka';
import { KAFKA } from '../policies/policy-publisher.repository';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { AuthorisationsService } from './authorisations.service';
import { decisionUses } from './decision-uses.util';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * Records each use of an authorisation from the governors' decisions: a durable consumer group
 * on the decisions topic, read_committed (only decisions whose transaction committed), offsets
 * committed after the uses are in the database. A decision read twice (a restart, a rebalance)
 * adds nothing: uses are unique per (authorisation, event). Starts in the background and keeps
 * retrying, so the API serves while the broker is away.
 */
@Injectable()
export class AuthorisationUsesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: Consumer | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly authorisations: AuthorisationsService,
  ) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.stop();
  }

  private async start(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const topic = topicName('decisions.v1', { prefix: this.config.topicPrefix });
    const consumer = this.kafka.consumer({
      groupId: this.config.usesGroupId,
      // read_committed: a decision of an aborted transaction allowed nothing
      readUncommitted: false,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    try {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await provisionTopics({
          admin,
          naming: { prefix: this.config.topicPrefix },
          topics: ['decisions.v1'],
        });
      } finally {
        await admin.disconnect();
      }
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) {
          this.retry('crashed', payload.error);
        }
      });
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: true,
        eachBatch: async (payload) => {
          const uses = payload.batch.messages.flatMap((message) => decisionUses(message.value));
          await this.authorisations.recordDecisionUses(uses);
          await payload.heartbeat();
        },
      });
      this.retryMs = FIRST_RETRY_MS;
      this.logger.event('info', 'recording authorisation uses from decisions', {
        topic,
        groupId: this.config.usesGroupId,
      });
    } catch (error) {
      this.retry('start failed', error);
    }
  }

  private retry(what: string, error: unknown): void {
    if (this.stopped) {
      return;
    }
    this.logger.event('warn', `authorisation uses consumer ${what}; retrying`, {
      error: error instanceof Error ? error.name : 'unknown',
      retryInMs: this.retryMs,
    });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      void this.stop().then(() => this.start());
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect().catch(() => undefined);
  }
}
