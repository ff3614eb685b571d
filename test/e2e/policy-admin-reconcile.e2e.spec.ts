import { generateKeyPairSync } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { POLICY_BUNDLE_KEY, POLICY_BUNDLE_TYPE, type PolicyBundleV1 } from '@lib/contracts';
import { parsePolicyText, signPolicyBundle } from '@lib/policy';
import type {
  PoliciesRecord,
  PolicyPublisher,
} from '../../apps/policy-admin/src/policies/policy-publisher.repository';
import { brokersFromEnv, testKafka, waitFor } from '../utils/kafka';
import { ManualClock, PolicyAdminHarness, readPolicyFixture } from './support/policy-admin-harness';

jest.setTimeout(120_000);

interface Version {
  versionId: string;
  versionNumber: number;
  state: string;
  contentHash: string;
  activationSequence: number | null;
}

interface Publication {
  inSync: boolean | null;
  disagreement: string | null;
  database: { versionId: string; sequence: number } | null;
  topic: { sequence: number } | null;
  reconciled: { versionId: string; sequence: number } | null;
}

/**
 * The real topic behind a broker that misbehaves on demand: `landed` writes the record and then
 * fails as a timeout would (the acknowledgement never came), `lost` fails without writing, `ok`
 * acknowledges.
 */
class LateAckPublisher implements PolicyPublisher {
  mode: 'landed' | 'lost' | 'ok' = 'landed';
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  async publish(record: PoliciesRecord): Promise<void> {
    if (this.mode !== 'lost') {
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key: POLICY_BUNDLE_KEY, value: JSON.stringify(record) }],
      });
    }
    if (this.mode !== 'ok') {
      throw new Error('publish timed out after 4000 ms');
    }
  }
}

describe('policy-admin reconciles the policies topic with its database (real broker)', () => {
  const harness = new PolicyAdminHarness();
  const kafka = testKafka('policy-admin-reconcile');
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const topic = `${harness.topicPrefix}policies`;
  const publisher = new LateAckPublisher(producer, topic);
  const clock = new ManualClock(new Date('2026-11-26T15:00:00.000Z'));
  const brokers = brokersFromEnv().join(',');
  let author = { userId: '', token: '' };
  let reviewer = { userId: '', token: '' };
  let policyYaml = '';

  beforeAll(async () => {
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
      ],
    });
    await admin.disconnect();
    await harness.setUp();
    await harness.start({ brokers, clock, publisher });
    author = await harness.user('dpo', 'Ana DPO');
    reviewer = await harness.user('dpo', 'Bruno DPO');
    policyYaml = await readPolicyFixture('pe-municipal.policy.yaml');
  });
  afterAll(async () => {
    await harness.tearDown();
    await producer.disconnect();
  });

  const post = <T = Version>(path: string, body: unknown = {}, token = author.token) =>
    harness.call<T>({ token, method: 'POST', path, body });
  const get = <T = Version>(path: string) =>
    harness.call<T>({ token: author.token, method: 'GET', path });

  async function approved(minConfidence: string): Promise<Version> {
    const content = policyYaml.replace('minConfidence: 0.6', `minConfidence: ${minConfidence}`);
    const draft = await post('/policies/versions', { format: 'yaml', content });
    await post(`/policies/versions/${draft.body.versionId}/submit`);
    return (await post(`/policies/versions/${draft.body.versionId}/approve`, {}, reviewer.token))
      .body;
  }

  const publication = (what: string, until: (p: Publication) => boolean) =>
    waitFor({
      what,
      timeoutMs: 30_000,
      intervalMs: 100,
      check: async () => {
        const p = (await get<Publication>('/policies/publication')).body;
        return until(p) ? p : undefined;
      },
    });

  let v1: Version;

  it('should record an activation whose publish timed out but landed', async () => {
    v1 = await approved('0.61');

    const failed = await post<{ code: string }>(`/policies/versions/${v1.versionId}/activate`);

    expect(failed).toMatchObject({ status: 503, body: { code: 'admin_publish_failed' } });
    const p = await publication('the landed activation recorded', (x) => x.reconciled !== null);
    expect(p).toMatchObject({
      inSync: true,
      disagreement: null,
      reconciled: { versionId: v1.versionId, sequence: 1 },
      database: { versionId: v1.versionId, sequence: 1 },
      topic: { sequence: 1 },
    });
    expect((await get('/policies/active')).body).toMatchObject({
      versionId: v1.versionId,
      state: 'active',
      activationSequence: 1,
    });
    const audit = await get<Array<{ action: string; actorId: string }>>(
      `/audit?targetType=policy_version&targetId=${v1.versionId}`,
    );
    expect(audit.body.map((r) => r.action)).toEqual(
      expect.arrayContaining(['policy.activation_failed', 'policy.activation_reconciled']),
    );
  });

  it('should never reuse the sequence of a publish that failed, landed or not', async () => {
    const v2 = await approved('0.62');
    publisher.mode = 'lost';
    const failed = await post(`/policies/versions/${v2.versionId}/activate`);
    publisher.mode = 'ok';

    const activated = await post<{ sequence: number }>(
      `/policies/versions/${v2.versionId}/activate`,
    );

    // 2 went to a publish that may yet land; a governor would ignore a second bundle 2
    expect(failed.status).toBe(503);
    expect(activated).toMatchObject({ status: 200, body: { sequence: 3 } });
    const checked = await publication(
      'the check after the lost publish',
      (x) => x.topic?.sequence === 3,
    );
    expect(checked).toMatchObject({
      inSync: true,
      database: { versionId: v2.versionId, sequence: 3 },
    });
  });

  it('should record at start an activation the topic holds and the database does not', async () => {
    const v3 = await approved('0.63');
    await harness.stop();
    // published by this policy-admin's key just before it stopped, never recorded
    const bundle = signPolicyBundle(
      {
        schema: POLICY_BUNDLE_TYPE,
        sequence: 4,
        policyId: 'pe-municipal-seguridad-ciudadana',
        version: String(v3.versionNumber),
        hash: v3.contentHash,
        activatedAt: '2026-11-26T15:30:00.000Z',
        authoredBy: author.userId,
        approvedBy: reviewer.userId,
        document: parsePolicyText(
          policyYaml.replace('minConfidence: 0.6', 'minConfidence: 0.63'),
          'yaml',
        ),
      },
      { keyId: harness.keyId, privateKey: harness.keys.privateKey },
    );
    await producer.send({
      topic,
      messages: [{ key: POLICY_BUNDLE_KEY, value: JSON.stringify(bundle) }],
    });

    await harness.start({ brokers, clock, publisher });

    const p = await publication('the start-up check', (x) => x.inSync !== null);
    expect(p).toMatchObject({ inSync: true, reconciled: { versionId: v3.versionId, sequence: 4 } });
    expect((await get(`/policies/versions/${v3.versionId}`)).body).toMatchObject({
      state: 'active',
      activationSequence: 4,
    });
  });

  it('should report, and change nothing for, a bundle it did not sign', async () => {
    const intruder = generateKeyPairSync('ed25519');
    const active = (await get('/policies/active')).body;
    await harness.stop();
    const forged: PolicyBundleV1 = signPolicyBundle(
      {
        schema: POLICY_BUNDLE_TYPE,
        sequence: 9,
        policyId: 'pe-municipal-seguridad-ciudadana',
        version: '9',
        hash: 'f'.repeat(64),
        activatedAt: '2026-11-26T16:00:00.000Z',
        authoredBy: 'x',
        approvedBy: 'y',
        document: {},
      },
      { keyId: harness.keyId, privateKey: intruder.privateKey },
    );
    await producer.send({
      topic,
      messages: [{ key: POLICY_BUNDLE_KEY, value: JSON.stringify(forged) }],
    });

    await harness.start({ brokers, clock, publisher });

    const p = await publication('the start-up check', (x) => x.inSync !== null);
    expect(p).toMatchObject({ inSync: false, disagreement: 'foreign_bundle', topic: null });
    expect((await get('/policies/active')).body).toEqual(active);
  });
});
