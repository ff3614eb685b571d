import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { silentLogger, type Clock } from '@lib/common';
import type { PolicyBundleV1 } from '@lib/contracts';
import { AuditRepository, PolicyVersionRepository, openDataSource } from '@lib/persistence';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../apps/policy-admin/src/audit/audit.service';
import type { Actor } from '../../apps/policy-admin/src/auth/roles.decorator';
import { ActivationSchedulerService } from '../../apps/policy-admin/src/policies/activation-scheduler.service';
import { PoliciesService } from '../../apps/policy-admin/src/policies/policies.service';
import { PolicyActivationService } from '../../apps/policy-admin/src/policies/policy-activation.service';
import { PolicyReconciliationService } from '../../apps/policy-admin/src/policies/policy-reconciliation.service';
import type {
  PoliciesRecord,
  PolicyPublisher,
} from '../../apps/policy-admin/src/policies/policy-publisher.repository';
import { loadPolicyAdminConfig } from '../../apps/policy-admin/src/policy-admin.config';
import { createTestDatabase, type TestDatabase } from './utils/test-database';

/** The broker side of activation: keeps what it acknowledged. */
class RecordingPublisher implements PolicyPublisher {
  readonly acknowledged: PoliciesRecord[] = [];
  publish(record: PoliciesRecord): Promise<void> {
    this.acknowledged.push(record);
    return Promise.resolve();
  }
}

class ManualClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

const actor = (userId: string): Actor => ({
  userId,
  role: 'dpo',
  tokenId: `t-${userId}`,
  tokenExpiresAt: '2027-01-01T00:00:00.000Z',
  displayName: userId,
});

/**
 * The scheduler's own timer (setInterval, faked here) and the injected clock together: a
 * scheduled version is activated by a tick at or after its time, and by no tick before.
 */
describe(ActivationSchedulerService.name, () => {
  const keys = generateKeyPairSync('ed25519');
  const config = loadPolicyAdminConfig({
    KAFKA_BROKERS: '127.0.0.1:1',
    TAMIZ_POLICY_SIGNING_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    TAMIZ_POLICY_SIGNING_KEY_ID: 'k1',
    TAMIZ_ADMIN_SCHEDULER_MS: '1000',
  });
  const yaml = readFileSync(
    join(__dirname, '..', '..', 'policies', 'pe-municipal.policy.yaml'),
    'utf8',
  );
  let db: TestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let publisher: RecordingPublisher;
  let versions: PolicyVersionRepository;
  let policies: PoliciesService;
  let activation: PolicyActivationService;
  let sut: ActivationSchedulerService;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    dataSource = await openDataSource(db.options);
    clock = new ManualClock(new Date('2026-11-26T20:00:00.000Z'));
    publisher = new RecordingPublisher();
    versions = new PolicyVersionRepository(dataSource);
    const audit = new AuditService(new AuditRepository(dataSource), clock);
    policies = new PoliciesService(versions, audit, clock);
    // every publish succeeds here, so the topic is never read back
    const reconciliation = new PolicyReconciliationService(
      versions,
      audit,
      { readActive: () => Promise.resolve(null) },
      config,
      silentLogger,
      clock,
    );
    activation = new PolicyActivationService(
      versions,
      audit,
      publisher,
      config,
      silentLogger,
      clock,
      reconciliation,
    );
    sut = new ActivationSchedulerService(activation, config, silentLogger);
    // only the timers: database IO still resolves on the real event loop
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });

  afterEach(async () => {
    sut.onApplicationShutdown();
    jest.useRealTimers();
    await dataSource.destroy();
    await db.drop();
  });

  async function scheduledAt(at: string): Promise<string> {
    const draft = await policies.createDraft({
      actor: actor('ana'),
      format: 'yaml',
      content: yaml,
    });
    await policies.step({ actor: actor('ana'), versionId: draft.versionId, action: 'submit' });
    await policies.step({ actor: actor('bruno'), versionId: draft.versionId, action: 'approve' });
    const outcome = await activation.activate({ actorId: 'ana', versionId: draft.versionId, at });
    expect(outcome.kind).toBe('scheduled');
    return draft.versionId;
  }

  /** Lets the interval fire `ticks` times, each tick's database work finishing in between. */
  async function runTicks(ticks: number): Promise<void> {
    for (let i = 0; i < ticks; i++) {
      await jest.advanceTimersByTimeAsync(config.schedulerIntervalMs);
      // a tick awaits real IO (SQLite): give it turns of the real event loop to finish
      for (let turn = 0; turn < 20; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  const stateOf = async (versionId: string) => (await versions.findById(versionId))?.state;

  it('should activate a scheduled version at its time and not before', async () => {
    const versionId = await scheduledAt('2026-11-26T16:00:00-05:00');
    sut.onApplicationBootstrap();

    await runTicks(3);
    const early = await stateOf(versionId);
    clock.set('2026-11-26T20:59:59.999Z');
    await runTicks(2);
    const lastMillisecond = await stateOf(versionId);
    clock.set('2026-11-26T21:00:00.000Z');
    await runTicks(2);

    expect(early).toBe('approved');
    expect(lastMillisecond).toBe('approved');
    expect(await stateOf(versionId)).toBe('active');
    expect(publisher.acknowledged).toHaveLength(1);
    expect(publisher.acknowledged[0] as PolicyBundleV1).toMatchObject({
      sequence: 1,
      approvedBy: 'bruno',
      activatedAt: '2026-11-26T21:00:00.000Z',
    });
    expect((await versions.findById(versionId))?.activatedAt).toBe('2026-11-26T21:00:00.000Z');
  });

  it('should not tick once shut down', async () => {
    const versionId = await scheduledAt('2026-11-26T16:00:00-05:00');
    sut.onApplicationBootstrap();
    sut.onApplicationShutdown();
    clock.set('2026-11-26T22:00:00.000Z');

    await runTicks(3);

    expect(await stateOf(versionId)).toBe('approved');
    expect(publisher.acknowledged).toEqual([]);
  });
});
