import { generateKeyPairSync } from 'node:crypto';
import { JsonLogger, fixedClock } from '@lib/common';
import type { AuthorisationRegisterV1 } from '@lib/contracts';
import { AuthorisationRepository, openDataSource } from '@lib/persistence';
import { verifyAuthorisationRegister } from '@lib/policy';
import type { DataSource } from 'typeorm';
import { AuthorisationRegisterService } from '../../apps/policy-admin/src/authorisations/authorisation-register.service';
import type {
  PoliciesRecord,
  PolicyPublisher,
} from '../../apps/policy-admin/src/policies/policy-publisher.repository';
import { loadPolicyAdminConfig } from '../../apps/policy-admin/src/policy-admin.config';
import { waitFor } from '../utils/kafka';
import { createTestDatabase, type TestDatabase } from './utils/test-database';

/** A broker that refuses until told otherwise, and keeps what it acknowledged. */
class SwitchablePublisher implements PolicyPublisher {
  up = true;
  readonly acknowledged: PoliciesRecord[] = [];
  attempts = 0;

  publish(record: PoliciesRecord): Promise<void> {
    this.attempts += 1;
    if (!this.up) {
      return Promise.reject(new Error('broker away'));
    }
    this.acknowledged.push(record);
    return Promise.resolve();
  }
}

const T0 = new Date('2026-03-14T12:00:00.000Z');

describe(AuthorisationRegisterService.name, () => {
  const keys = generateKeyPairSync('ed25519');
  const config = loadPolicyAdminConfig({
    KAFKA_BROKERS: '127.0.0.1:1',
    TAMIZ_POLICY_SIGNING_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    TAMIZ_POLICY_SIGNING_KEY_ID: 'k1',
  });
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: AuthorisationRepository;
  let publisher: SwitchablePublisher;
  let lines: string[];
  let sut: AuthorisationRegisterService;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    dataSource = await openDataSource(db.options);
    repository = new AuthorisationRepository(dataSource);
    publisher = new SwitchablePublisher();
    lines = [];
    const logger = new JsonLogger({ service: 'test', level: 'info', write: (l) => lines.push(l) });
    sut = new AuthorisationRegisterService(
      repository,
      publisher,
      config,
      logger,
      fixedClock(T0.toISOString()),
    );
  });

  afterEach(async () => {
    sut.onApplicationShutdown();
    await dataSource.destroy();
    await db.drop();
  });

  const register = (purpose = 'identificacion-facial-autorizada') =>
    repository.register({
      issuer: 'Juzgado Penal de Lima',
      caseRef: 'EXP-2026-0042',
      purposes: [purpose],
      scope: { watchlists: ['requisitoria-judicial'] },
      validFrom: '2026-03-01T00:00:00-05:00',
      validUntil: '2026-03-31T23:59:59-05:00',
      registeredBy: 'dpo-1',
      now: T0,
    });
  const last = () =>
    publisher.acknowledged[publisher.acknowledged.length - 1] as AuthorisationRegisterV1;

  it('should publish nothing while nothing was ever registered', async () => {
    await sut.sync();

    expect(publisher.attempts).toBe(0);
    expect(await sut.status()).toMatchObject({ sequence: 0, inSync: true, published: null });
  });

  it('should publish a signed, minimised register once per state, and drop the revoked', async () => {
    const a = await register();
    const b = await register('busqueda-dirigida');
    await sut.sync();
    await sut.sync();
    await repository.revoke({ authorisationId: a.authorisationId, by: 'dpo-2', now: T0 });
    await sut.sync();

    expect(publisher.acknowledged.map((r) => r.sequence)).toEqual([2, 3]);
    expect(verifyAuthorisationRegister(last(), { k1: keys.publicKey }).ok).toBe(true);
    expect(last().authorisations).toEqual([
      {
        id: b.authorisationId,
        purposes: ['busqueda-dirigida'],
        scope: { watchlists: ['requisitoria-judicial'] },
        validFrom: '2026-03-01T05:00:00.000Z',
        validUntil: '2026-04-01T04:59:59.000Z',
      },
    ]);
    expect(JSON.stringify(publisher.acknowledged)).not.toContain('EXP-2026-0042');
    expect(JSON.stringify(publisher.acknowledged)).not.toContain('Juzgado');
    expect(await sut.status()).toEqual({
      sequence: 3,
      authorisations: 1,
      published: { sequence: 3, at: T0.toISOString() },
      inSync: true,
      lastFailure: null,
    });
  });

  it('should report a failed publish, log it as an error and retry on its own until acknowledged', async () => {
    await register();
    publisher.up = false;
    await sut.sync();

    expect(await sut.status()).toMatchObject({
      sequence: 1,
      inSync: false,
      published: null,
      lastFailure: { error: 'Error' },
    });
    expect(lines.join('\n')).toContain('"msg":"authorisation register not published; retrying"');
    expect(lines.join('\n')).not.toContain('EXP-2026-0042');

    publisher.up = true;
    await waitFor({
      what: 'the retry to publish the register',
      timeoutMs: 5_000,
      intervalMs: 50,
      check: async () => publisher.acknowledged.length === 1,
    });
    expect(await sut.status()).toMatchObject({ inSync: true, lastFailure: null });
  });
});
