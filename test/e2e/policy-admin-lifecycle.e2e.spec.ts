import { verifyPolicyBundle } from '@lib/policy';
import { provisionTopics } from '@lib/kafka';
import { DetectionEventFactory } from '../factories/detection-event.factory';
import { topicName, type PolicyBundleV1 } from '@lib/contracts';
import { brokersFromEnv, readTopic, testKafka } from '../utils/kafka';
import { ManualClock, PolicyAdminHarness, readPolicyFixture } from './support/policy-admin-harness';

interface Version {
  versionId: string;
  versionNumber: number;
  state: string;
  rowVersion: number;
  contentHash: string;
  rollbackOf: string | null;
}

jest.setTimeout(90_000);

describe('policy-admin lifecycle on the real broker', () => {
  const harness = new PolicyAdminHarness();
  const kafka = testKafka('policy-admin-lifecycle');
  const clock = new ManualClock(new Date('2026-11-26T15:00:00.000Z'));
  let author = { userId: '', token: '' };
  let reviewer = { userId: '', token: '' };
  let policyYaml = '';

  beforeAll(async () => {
    await harness.setUp();
    await harness.start({ brokers: brokersFromEnv().join(','), clock });
    author = await harness.user('dpo', 'Ana DPO');
    reviewer = await harness.user('dpo', 'Bruno DPO');
    policyYaml = await readPolicyFixture('pe-municipal.policy.yaml');
  });
  afterAll(() => harness.tearDown());

  const post = <T = Version>(token: string, path: string, body: unknown = {}) =>
    harness.call<T>({ token, method: 'POST', path, body });
  const get = <T = Version>(path: string) =>
    harness.call<T>({ token: author.token, method: 'GET', path });

  async function approvedVersion(content: string): Promise<Version> {
    const draft = await post(author.token, '/policies/versions', { format: 'yaml', content });
    await post(author.token, `/policies/versions/${draft.body.versionId}/submit`);
    const approved = await post(
      reviewer.token,
      `/policies/versions/${draft.body.versionId}/approve`,
    );
    expect(approved.body.state).toBe('approved');
    return approved.body;
  }

  async function bundles(expected: number): Promise<PolicyBundleV1[]> {
    const messages = await readTopic({
      kafka,
      topic: `${harness.topicPrefix}policies`,
      expected,
      timeoutMs: 30_000,
      quietMs: 500,
    });
    expect(messages.every((m) => m.key?.toString() === 'active')).toBe(true);
    return messages.map((m) => JSON.parse(m.value.toString()) as PolicyBundleV1);
  }

  let v1: Version;
  let v2: Version;
  let v3: Version;

  it('should take a draft through submit, refuse self-approval, approve by a second DPO and activate', async () => {
    const draft = await post(author.token, '/policies/versions', {
      format: 'yaml',
      content: policyYaml,
    });
    const submitted = await post(author.token, `/policies/versions/${draft.body.versionId}/submit`);
    const selfApproval = await post<{ code: string; es: string }>(
      author.token,
      `/policies/versions/${draft.body.versionId}/approve`,
    );
    const approved = await post(
      reviewer.token,
      `/policies/versions/${draft.body.versionId}/approve`,
    );
    const activated = await post<{ outcome: string; sequence: number; version: Version }>(
      author.token,
      `/policies/versions/${draft.body.versionId}/activate`,
    );

    expect(submitted.body.state).toBe('submitted');
    expect(selfApproval).toMatchObject({ status: 403, body: { code: 'admin_self_approval' } });
    expect(approved).toMatchObject({ status: 200, body: { state: 'approved' } });
    expect(activated).toMatchObject({
      status: 200,
      body: { outcome: 'activated', sequence: 1, version: { state: 'active' } },
    });
    v1 = activated.body.version;
  });

  it('should publish a bundle that verifies with the public key', async () => {
    const [bundle] = await bundles(1);
    const check = verifyPolicyBundle(bundle, { [harness.keyId]: harness.publicKey });

    expect(check.ok).toBe(true);
    expect(bundle).toMatchObject({
      sequence: 1,
      policyId: 'pe-municipal-seguridad-ciudadana',
      version: '1',
      hash: v1.contentHash,
      authoredBy: author.userId,
      approvedBy: reviewer.userId,
    });
    expect(
      verifyPolicyBundle({ ...bundle, sequence: 9 }, { [harness.keyId]: harness.publicKey }).ok,
    ).toBe(false);
  });

  it('should diff a relaxing version, activate it and supersede the first', async () => {
    const relaxed = policyYaml
      .replace('minConfidence: 0.6', 'minConfidence: 0.4')
      .replace('alerts: P30D', 'alerts: P40D');
    v2 = await approvedVersion(relaxed);
    const diff = await get<{
      relaxing: boolean;
      changes: Array<{ kind: string; purposeId?: string }>;
    }>(`/policies/diff?from=${v1.versionId}&to=${v2.versionId}`);
    const activated = await post<{ sequence: number }>(
      author.token,
      `/policies/versions/${v2.versionId}/activate`,
    );

    expect(diff.body.relaxing).toBe(true);
    expect(diff.body.changes.map((c) => c.kind).sort()).toEqual([
      'confidence_lowered',
      'retention_lengthened',
    ]);
    expect(activated.body.sequence).toBe(2);
    expect((await get(`/policies/versions/${v1.versionId}`)).body.state).toBe('superseded');
    expect((await get('/policies/active')).body.versionId).toBe(v2.versionId);
    expect((await bundles(2))[1]).toMatchObject({
      sequence: 2,
      version: '2',
      hash: v2.contentHash,
    });
  });

  it('should roll back through a new version that needs a second DPO', async () => {
    const rollback = await post(author.token, `/policies/versions/${v1.versionId}/rollback`);
    const selfApproval = await post(
      author.token,
      `/policies/versions/${rollback.body.versionId}/approve`,
    );
    await post(reviewer.token, `/policies/versions/${rollback.body.versionId}/approve`);
    const activated = await post<{ sequence: number; version: Version }>(
      author.token,
      `/policies/versions/${rollback.body.versionId}/activate`,
    );

    expect(rollback).toMatchObject({
      status: 201,
      body: {
        state: 'submitted',
        rollbackOf: v1.versionId,
        versionNumber: 3,
        contentHash: v1.contentHash,
      },
    });
    expect(selfApproval.status).toBe(403);
    expect(activated.body.sequence).toBe(3);
    expect((await get(`/policies/versions/${v2.versionId}`)).body.state).toBe('superseded');
    const third = (await bundles(3))[2];
    expect(third).toMatchObject({ sequence: 3, version: '3', hash: v1.contentHash });
    expect(verifyPolicyBundle(third, { [harness.keyId]: harness.publicKey }).ok).toBe(true);
    v3 = activated.body.version;
  });

  it('should leave the active version untouched when the publish fails', async () => {
    const v4 = await approvedVersion(
      policyYaml.replace('minConfidence: 0.6', 'minConfidence: 0.65'),
    );
    await harness.stop();
    await harness.start({ brokers: '127.0.0.1:1', clock });

    const failed = await post<{ code: string; es: string }>(
      author.token,
      `/policies/versions/${v4.versionId}/activate`,
    );

    expect(failed).toMatchObject({ status: 503, body: { code: 'admin_publish_failed' } });
    expect((await get('/policies/active')).body).toEqual(v3);
    expect((await get(`/policies/versions/${v4.versionId}`)).body).toEqual(v4);
    const audit = await get<Array<{ action: string; targetId: string }>>(
      `/audit?targetType=policy_version&targetId=${v4.versionId}`,
    );
    expect(audit.body.map((r) => r.action)).toContain('policy.activation_failed');
  });

  it('should activate a scheduled version when its time comes, by the injected clock', async () => {
    await harness.stop();
    await harness.start({ brokers: brokersFromEnv().join(','), clock });
    const v5 = await approvedVersion(
      policyYaml.replace('minConfidence: 0.6', 'minConfidence: 0.7'),
    );
    const activation = harness.admin?.activation;

    const scheduled = await post<{
      outcome: string;
      version: Version & { scheduledActivationAt: string };
    }>(author.token, `/policies/versions/${v5.versionId}/activate`, {
      at: '2026-11-26T16:00:00-05:00',
    });
    expect(scheduled.body).toMatchObject({
      outcome: 'scheduled',
      version: { state: 'approved', scheduledActivationAt: '2026-11-26T21:00:00.000Z' },
    });

    clock.set('2026-11-26T20:59:59.000Z');
    expect(await activation?.activateDue()).toEqual([]);
    clock.set('2026-11-26T21:00:00.000Z');
    const activated = await activation?.activateDue();

    expect(activated?.map((v) => [v.versionId, v.state])).toEqual([[v5.versionId, 'active']]);
    expect((await get(`/policies/versions/${v3.versionId}`)).body.state).toBe('superseded');
    expect((await bundles(4))[3]).toMatchObject({ sequence: 4, version: String(v5.versionNumber) });
  });

  it('should simulate a version over the recorded raw detections, emitting nothing', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics({ admin, naming: { prefix: harness.topicPrefix } });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${harness.topicPrefix}detections.raw`,
      messages: [
        ...Array.from({ length: 10 }, () => ({
          key: 'cam-x',
          value: JSON.stringify(DetectionEventFactory.behaviour('fight', { cameraId: 'cam-x' })),
        })),
        { key: 'cam-x', value: '{"broken' },
        { key: 'cam-x', value: '[]' },
      ],
    });
    await producer.disconnect();
    const report = await post<{
      records: number;
      invalid: number;
      events: number;
      changed: number;
      tallies: { active: { suppressedByReason: Record<string, number> } };
    }>(author.token, `/policies/versions/${v1.versionId}/simulate`, { hours: 24 });

    // the harness registers no camera: every event is from an unknown camera, under both versions
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ records: 12, invalid: 2, events: 10, changed: 0 });
    expect(report.body.tallies.active.suppressedByReason).toEqual({ 'camera.unknown': 10 });
    // the sandbox emitted nothing: every output topic is still empty after the simulation
    const outputs = (['decisions.v1', 'alerts.lawful.v1', 'detections.dlq.v1'] as const).map(
      (topic) => topicName(topic, { prefix: harness.topicPrefix }),
    );
    const offsets = kafka.admin();
    await offsets.connect();
    const ends = await Promise.all(outputs.map((topic) => offsets.fetchTopicOffsets(topic)));
    await offsets.disconnect();
    expect(ends.flat().map((p) => p.high)).toEqual(ends.flat().map(() => '0'));
    expect(ends.flat().length).toBeGreaterThan(0);
    const refused = await post(author.token, `/policies/versions/${v1.versionId}/simulate`, {
      hours: 0,
    });
    expect(refused.status).toBe(400);
  });
});
