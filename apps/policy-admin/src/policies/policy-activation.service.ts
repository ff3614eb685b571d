import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type JsonLogger } from '@lib/common';
import { POLICY_BUNDLE_TYPE, type PolicyBundleV1 } from '@lib/contracts';
import { PolicyVersionRepository, type PolicyVersion } from '@lib/persistence';
import { signPolicyBundle } from '@lib/policy';
import { AdminError, AdminErrorCode } from '../admin.error';
import { AuditService } from '../audit/audit.service';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { checkPolicyText } from './policy-content';
import { lifecycleRefusal } from './policy-lifecycle';
import { POLICY_PUBLISHER, type PolicyPublisher } from './policy-publisher.repository';
import { PolicyReconciliationService } from './policy-reconciliation.service';

export type ActivationOutcome =
  | { kind: 'activated'; version: PolicyVersion; bundle: PolicyBundleV1 }
  | { kind: 'scheduled'; version: PolicyVersion };

/**
 * Activation: sign the bundle, publish it, and only once the broker acknowledged it mark the
 * version active and the previous one superseded (one transaction). A failed publish changes
 * nothing in the database: the previous version stays active.
 */
@Injectable()
export class PolicyActivationService {
  // One activation at a time in this process, so sequences are taken in order.
  private queue: Promise<unknown> = Promise.resolve();
  // Above the sequence of any failed publish: one that timed out may still have landed, and a
  // governor ignores a bundle whose sequence it already holds.
  private sequenceFloor = 0;

  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly audit: AuditService,
    @Inject(POLICY_PUBLISHER) private readonly publisher: PolicyPublisher,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reconciliation: PolicyReconciliationService,
  ) {}

  /** Activates now, or schedules when `at` is in the future. */
  async activate(args: {
    actorId: string;
    versionId: string;
    expectedRowVersion?: number;
    at?: string;
  }): Promise<ActivationOutcome> {
    const version = await this.versions.findById(args.versionId);
    if (!version) {
      throw AdminError.notFound('la versión/policy version', args.versionId);
    }
    const refusal = lifecycleRefusal({
      action: 'activate',
      version,
      actorId: args.actorId,
      expectedRowVersion: args.expectedRowVersion,
    });
    if (refusal) {
      throw refusal;
    }
    if (args.at !== undefined && new Date(args.at) > this.clock.now()) {
      const at = new Date(args.at).toISOString();
      const scheduled = await this.versions.update({
        versionId: version.versionId,
        rowVersion: version.rowVersion,
        patch: { scheduledActivationAt: at },
        now: this.clock.now(),
      });
      if (!scheduled) {
        throw AdminError.stale(version.rowVersion + 1);
      }
      await this.record(args.actorId, 'policy.activation_scheduled', scheduled, { at });
      return { kind: 'scheduled', version: scheduled };
    }
    return this.serially(() => this.activateNow(args.actorId, version));
  }

  /** Activates every approved version whose scheduled time has come (the scheduler's tick). */
  async activateDue(): Promise<PolicyVersion[]> {
    const activated: PolicyVersion[] = [];
    for (const due of await this.versions.findDue(this.clock.now())) {
      try {
        const outcome = await this.serially(() => this.activateNow('scheduler', due));
        activated.push(outcome.version);
      } catch (error) {
        // Stays approved and scheduled: the next tick tries again.
        this.logger.event('warn', 'scheduled activation failed', {
          versionId: due.versionId,
          code: error instanceof AdminError ? error.code : 'unknown',
        });
      }
    }
    return activated;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async activateNow(
    actorId: string,
    version: PolicyVersion,
  ): Promise<{ kind: 'activated'; version: PolicyVersion; bundle: PolicyBundleV1 }> {
    const now = this.clock.now();
    const sequence = Math.max(await this.versions.nextActivationSequence(), this.sequenceFloor);
    const { document, hash } = checkPolicyText(version.content, version.format);
    const bundle = signPolicyBundle(
      {
        schema: POLICY_BUNDLE_TYPE,
        sequence,
        policyId: version.policyId,
        version: String(version.versionNumber),
        hash,
        activatedAt: now.toISOString(),
        authoredBy: version.authorId,
        approvedBy: version.approverId ?? '',
        document,
      },
      { keyId: this.config.signingKeyId, privateKey: this.config.signingKey },
    );
    try {
      await this.publisher.publish(bundle);
    } catch (error) {
      this.logger.event('error', 'policy bundle publish failed', {
        versionId: version.versionId,
        sequence,
        error: error instanceof Error ? error.name : 'unknown',
      });
      await this.record(actorId, 'policy.activation_failed', version, { sequence });
      this.sequenceFloor = Math.max(this.sequenceFloor, sequence + 1);
      // it may have landed all the same: read the topic back and record it if so
      this.reconciliation.afterFailedPublish();
      throw new AdminError({
        code: AdminErrorCode.PublishFailed,
        es: 'No se pudo publicar la política; la versión activa sigue siendo la anterior.',
        en: 'The policy could not be published; the previous version remains active.',
        retriable: true,
        cause: error,
      });
    }
    const marked = await this.versions.markActive({
      versionId: version.versionId,
      rowVersion: version.rowVersion,
      sequence,
      now,
    });
    if (!marked) {
      // Published but not recorded: the governors run it. Loud, because the DB lags the topic.
      this.logger.event('error', 'bundle published but the version changed meanwhile', {
        versionId: version.versionId,
        sequence,
      });
      throw AdminError.stale(version.rowVersion + 1);
    }
    await this.record(actorId, 'policy.activate', marked.active, {
      sequence,
      superseded: marked.superseded?.versionId ?? null,
    });
    return { kind: 'activated', version: marked.active, bundle };
  }

  private async record(
    actorId: string,
    action: string,
    version: PolicyVersion,
    extra: Record<string, string | number | null>,
  ): Promise<void> {
    await this.audit.recordVersion({ actorId, action, version, details: extra });
  }
}
