import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { AUTHORISATION_REGISTER_KEY, POLICY_BUNDLE_KEY, topicName } from '@lib/contracts';
import { TopicFollower, type FollowedRecord } from '@lib/kafka';
import { verifyAuthorisationRegister, verifyPolicyBundle } from '@lib/policy';
import type { JsonLogger } from '@lib/common';
import type { GovernorConfig } from './governor.config';
import { PolicyHolderService } from './policy-holder.service';
import { GOVERNOR_CONFIG, KAFKA, LOGGER } from './tokens';

/**
 * Hot reload: follows the compacted policies topic and puts each newly activated, correctly
 * signed bundle (key `active`) and register of authorisations (key `authorisations`) in force.
 * A record that fails any check is refused with an error log (the alarm) and the last good one
 * stays. At start the whole topic is read before the consumer group is joined, so a (re)started
 * governor never decides with a policy or register older than the ones in force.
 */
@Injectable()
export class PolicyFeedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private follower: TopicFollower | null = null;

  constructor(
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PolicyHolderService) private readonly holder: PolicyHolderService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keys = this.config.policyPublicKeys;
    if (!keys) {
      return;
    }
    const topic = topicName('policies.v1', { prefix: this.config.topicPrefix });
    this.follower = new TopicFollower({
      kafka: this.kafka,
      topic,
      groupPrefix: `${this.config.groupId}.policies`,
      onRecord: (record) => this.receive(record),
    });
    await this.follower.start();
    const status = this.holder.status();
    this.logger.event('info', 'policies topic read', {
      source: status.source,
      sequence: status.sequence,
      policyVersion: status.policy?.version ?? null,
      rejectedBundles: status.rejectedBundles,
      authorisationRegister: status.authorisations.sequence,
      rejectedRegisters: status.authorisations.rejectedRegisters,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
  }

  private receive(record: FollowedRecord): void {
    // a tombstone unloads neither the policy nor the register in force; other keys are not ours
    if (record.value === null) {
      return;
    }
    if (record.key === POLICY_BUNDLE_KEY) {
      this.receiveBundle(record, record.value);
    } else if (record.key === AUTHORISATION_REGISTER_KEY) {
      this.receiveRegister(record, record.value);
    }
  }

  private receiveRegister(record: FollowedRecord, value: Buffer): void {
    const raw = parseJson(value);
    const check =
      raw === undefined
        ? ({ ok: false, code: 'register_unparsable' } as const)
        : verifyAuthorisationRegister(raw, this.config.policyPublicKeys ?? {});
    if (!check.ok) {
      this.holder.noteRejectedRegister();
      this.logger.event('error', 'authorisation register refused; the register in force stays', {
        code: check.code,
        offset: record.offset,
        inForce: this.holder.status().authorisations.sequence,
      });
      return;
    }
    this.holder.applyAuthorisations(check.register);
  }

  private receiveBundle(record: FollowedRecord, value: Buffer): void {
    const raw = parseJson(value);
    if (raw === undefined) {
      this.reject(record, 'bundle_unparsable');
      return;
    }
    const check = verifyPolicyBundle(raw, this.config.policyPublicKeys ?? {});
    if (!check.ok) {
      this.reject(record, check.code);
      return;
    }
    const { bundle } = check;
    if (bundle.sequence <= this.holder.status().sequence) {
      return; // already in force, or older than what is
    }
    try {
      const evaluator = this.holder.compile(bundle.document);
      this.holder.activate(evaluator, { source: 'bundle', sequence: bundle.sequence });
    } catch (error) {
      this.reject(record, (error as { code?: string }).code ?? 'bundle_policy_invalid');
    }
  }

  private reject(record: FollowedRecord, code: string): void {
    this.holder.noteRejected();
    this.logger.event('error', 'policy bundle refused; the policy in force stays', {
      code,
      offset: record.offset,
      inForce: this.holder.status().policy?.version ?? null,
    });
  }
}

function parseJson(value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
