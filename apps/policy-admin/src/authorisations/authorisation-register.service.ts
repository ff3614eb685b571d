import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock, type JsonLogger } from '@lib/common';
import { AuthorisationRepository } from '@lib/persistence';
import { signAuthorisationRegister } from '@lib/policy';
import { POLICY_PUBLISHER, type PolicyPublisher } from '../policies/policy-publisher.repository';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { authorisationRegisterRecord } from './authorisation-register-record.util';

/** Where the register of authorisations stands between the database and the policies topic. */
export interface RegisterPublication {
  /** The register the database holds now (registrations plus revocations); 0 = none yet. */
  sequence: number;
  /** Authorisations in it: registered and not revoked. */
  authorisations: number;
  /** The last register the broker acknowledged from this process. */
  published: { sequence: number; at: string } | null;
  /** True when the governors are being sent what the database holds. */
  inSync: boolean;
  /** The last failed publication, while the register is not in sync. */
  lastFailure: { at: string; error: string } | null;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * Keeps the register of authorisations on the policies topic equal to the database: the
 * database is the truth (a registration or revocation is committed first), and the topic follows
 * it. Published at start, after every change and, after a failure, again with a growing delay
 * until the broker acknowledges. The same state gives the same signed bytes, so publishing it
 * twice changes nothing for a governor.
 */
@Injectable()
export class AuthorisationRegisterService implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue: Promise<void> = Promise.resolve();
  private published: RegisterPublication['published'] = null;
  private lastFailure: RegisterPublication['lastFailure'] = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    private readonly authorisations: AuthorisationRepository,
    @Inject(POLICY_PUBLISHER) private readonly publisher: PolicyPublisher,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // a topic that lost the record, or never had it, gets it back; the API does not wait for it
    void this.sync();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /** Publishes what the database holds unless already published; never throws. */
  sync(): Promise<void> {
    const next = this.queue.then(() => this.publishCurrent());
    this.queue = next;
    return next;
  }

  async status(): Promise<RegisterPublication> {
    const state = await this.authorisations.registerState();
    const inSync = state.sequence === 0 || (this.published?.sequence ?? 0) >= state.sequence;
    return {
      sequence: state.sequence,
      authorisations: state.inForce.length,
      published: this.published,
      inSync,
      lastFailure: inSync ? null : this.lastFailure,
    };
  }

  private async publishCurrent(): Promise<void> {
    if (this.stopped) {
      return;
    }
    let sequence: number | null = null;
    try {
      const unsigned = authorisationRegisterRecord(await this.authorisations.registerState());
      if (unsigned === null || (this.published?.sequence ?? 0) >= unsigned.sequence) {
        return;
      }
      sequence = unsigned.sequence;
      const record = signAuthorisationRegister(unsigned, {
        keyId: this.config.signingKeyId,
        privateKey: this.config.signingKey,
      });
      await this.publisher.publish(record);
      this.published = { sequence, at: this.clock.now().toISOString() };
      this.lastFailure = null;
      this.retryMs = FIRST_RETRY_MS;
      // ids and counts only: issuers and case references never leave the database
      this.logger.event('info', 'authorisation register published', {
        sequence,
        authorisations: unsigned.authorisations.length,
      });
    } catch (error) {
      this.failed(sequence, error);
    }
  }

  private failed(sequence: number | null, error: unknown): void {
    const name = error instanceof Error ? error.name : 'unknown';
    this.lastFailure = { at: this.clock.now().toISOString(), error: name };
    if (this.stopped) {
      return;
    }
    // An error: until it is published, a revoked authorisation still serves at the governors.
    this.logger.event('error', 'authorisation register not published; retrying', {
      sequence,
      error: name,
      retryInMs: this.retryMs,
    });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.sync(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
