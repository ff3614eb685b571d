import { createPublicKey } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock, type JsonLogger } from '@lib/common';
import type { PolicyBundleV1 } from '@lib/contracts';
import { PolicyVersionRepository } from '@lib/persistence';
import { verifyPolicyBundle, type BundleKeyring } from '@lib/policy';
import { AuditService } from '../audit/audit.service';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { POLICY_TOPIC_READER, type PolicyTopicReader } from './policy-topic.repository';
import { publicationAgreement, type PublicationDisagreement } from './publication-agreement';

/** What the last check of the policies topic against the database found (GET /policies/publication). */
export interface PublicationStatus {
  /** When the topic was last read; null while it could not be read since start. */
  checkedAt: string | null;
  /** null until a check succeeded. */
  inSync: boolean | null;
  disagreement: PublicationDisagreement | null;
  database: { versionId: string; sequence: number } | null;
  topic: { sequence: number; policyId: string; version: string; hash: string } | null;
  /** The last activation found on the topic and then recorded in the database. */
  reconciled: { versionId: string; sequence: number; at: string } | null;
  /** Why the last check could not read the topic. */
  error: string | null;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;
const RECONCILER = 'reconciler';

/**
 * Keeps the database and the policies topic telling one story. A publish that times out may
 * still have landed: the governors then run a version the database does not show as active.
 * At start and after every failed publish, the last bundle under `active` is read back; when it
 * is this policy-admin's, newer than any activation recorded and of an approved version, that
 * activation is recorded (audited as `policy.activation_reconciled`); any other difference is
 * reported, with an error log, and never guessed at.
 */
@Injectable()
export class PolicyReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue: Promise<unknown> = Promise.resolve();
  private last: PublicationStatus = {
    checkedAt: null,
    inSync: null,
    disagreement: null,
    database: null,
    topic: null,
    reconciled: null,
    error: null,
  };
  private readonly keyring: BundleKeyring;
  private retryTimer: NodeJS.Timeout | undefined;
  private laterTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly audit: AuditService,
    @Inject(POLICY_TOPIC_READER) private readonly reader: PolicyTopicReader,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keyring = { [config.signingKeyId]: createPublicKey(config.signingKey) };
  }

  onApplicationBootstrap(): void {
    void this.check();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.laterTimer);
  }

  status(): PublicationStatus {
    return this.last;
  }

  /** After a failed publish: check now, and once more when a late write would have landed. */
  afterFailedPublish(): void {
    void this.check();
    clearTimeout(this.laterTimer);
    this.laterTimer = setTimeout(() => void this.check(), this.config.publishTimeoutMs);
    this.laterTimer.unref();
  }

  /** Reads the topic, compares, records a landed activation; one check at a time; never throws. */
  check(): Promise<PublicationStatus> {
    const next = this.queue.then(() => this.run());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(): Promise<PublicationStatus> {
    if (this.stopped) {
      return this.last;
    }
    try {
      const raw = await this.reader.readActive();
      const check = raw === null ? null : verifyPolicyBundle(raw, this.keyring);
      const bundle = check?.ok ? check.bundle : null;
      let agreement = publicationAgreement({
        bundle,
        foreign: check !== null && !check.ok,
        active: await this.versions.findActive(),
        maxSequence: (await this.versions.nextActivationSequence()) - 1,
        versions: await this.versions.findByStates(['approved']),
      });
      let reconciled = this.last.reconciled;
      if (agreement.kind === 'landed_unrecorded' && bundle !== null) {
        const recorded = await this.record(agreement.version.versionId, bundle);
        reconciled = recorded ?? reconciled;
        agreement = recorded ? { kind: 'in_sync' } : agreement;
      }
      const active = await this.versions.findActive();
      this.last = {
        checkedAt: this.clock.now().toISOString(),
        inSync: agreement.kind === 'in_sync',
        disagreement: agreement.kind === 'disagree' ? agreement.reason : null,
        database:
          active !== null && active.activationSequence !== null
            ? { versionId: active.versionId, sequence: active.activationSequence }
            : null,
        topic: bundle && {
          sequence: bundle.sequence,
          policyId: bundle.policyId,
          version: bundle.version,
          hash: bundle.hash,
        },
        reconciled,
        error: null,
      };
      this.retryMs = FIRST_RETRY_MS;
      if (agreement.kind !== 'in_sync') {
        this.logger.event('error', 'policies topic and database disagree', {
          disagreement: this.last.disagreement,
          topicSequence: bundle?.sequence ?? null,
          databaseSequence: this.last.database?.sequence ?? null,
        });
      }
    } catch (error) {
      this.last = { ...this.last, error: error instanceof Error ? error.name : 'unknown' };
      this.retryLater();
    }
    return this.last;
  }

  private async record(
    versionId: string,
    bundle: PolicyBundleV1,
  ): Promise<PublicationStatus['reconciled']> {
    const version = await this.versions.findById(versionId);
    if (!version) {
      return null;
    }
    const marked = await this.versions.markActive({
      versionId,
      rowVersion: version.rowVersion,
      sequence: bundle.sequence,
      now: new Date(bundle.activatedAt),
    });
    if (!marked) {
      return null;
    }
    await this.audit.record({
      actorId: RECONCILER,
      action: 'policy.activation_reconciled',
      target: { type: 'policy_version', id: versionId },
      details: {
        policyId: version.policyId,
        versionNumber: version.versionNumber,
        sequence: bundle.sequence,
        superseded: marked.superseded?.versionId ?? null,
      },
    });
    this.logger.event('warn', 'activation found on the policies topic recorded', {
      versionId,
      sequence: bundle.sequence,
    });
    return { versionId, sequence: bundle.sequence, at: this.clock.now().toISOString() };
  }

  private retryLater(): void {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.check(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
