import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  AUTHORISATION_REGISTER_KEY,
  type AuthorisationRegisterV1,
  type DecisionRecordV1,
} from '@lib/contracts';
import { CameraRepository, openDataSource } from '@lib/persistence';
import { verifyAuthorisationRegister } from '@lib/policy';
import { DetectionEventFactory, resetFactoryIds } from '../factories/detection-event.factory';
import type { GovernorProcess } from '../utils/governor-process';
import { readTopic, waitFor } from '../utils/kafka';
import { GovernedRun } from './support/governed-run';
import { ManualClock, PolicyAdminHarness } from './support/policy-admin-harness';

jest.setTimeout(240_000);

interface PolicyStatus {
  policy: { id: string } | null;
  authorisations: { sequence: number; count: number; rejectedRegisters: number };
}

interface Use {
  eventId: string | null;
  usedBy: string;
  cameraId: string | null;
}

const PURPOSE = 'identificacion-facial-autorizada';
const CASE_REF = 'Exp. 04321-2026-1-1801-JR-PE-07';
const ISSUER = '3.er Juzgado de Investigación Preparatoria de Lima';
/** A camera where face identification may be used. */
const CAMERA = {
  cameraId: 'cam-si-001',
  name: 'Cámara San Isidro 001',
  district: 'San Isidro',
  siteId: 'site-si',
  zoneType: 'via-publica',
  allowedPurposes: [PURPOSE],
};

/**
 * The register of authorisations end to end, on the real broker: a DPO registers an
 * authorisation through policy-admin, the governor (following the policies topic) forwards the
 * face identification it suppressed before and names the authorisation, policy-admin records
 * the use from the decision; a revocation suppresses again; a tampered register is refused.
 */
describe('authorisation register (policy-admin → policies topic → governor → decisions → uses)', () => {
  const run = new GovernedRun();
  const harness = new PolicyAdminHarness();
  const clock = new ManualClock(new Date('2026-03-14T12:00:00.000Z'));
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-register-e2e-'));
  let governor: GovernorProcess;
  let dpo = '';
  let auditor = '';
  let produced = 0;
  let policyJson = '';

  beforeAll(async () => {
    resetFactoryIds();
    await run.setUp();
    // the camera, in the governor's registry
    const dataSource = await openDataSource({ sqlitePath: run.sqlitePath });
    await new CameraRepository(dataSource).upsertMany([CAMERA]);
    await dataSource.destroy();

    await harness.setUp();
    await harness.start({
      brokers: process.env.KAFKA_BROKERS,
      clock,
      env: { TAMIZ_TOPIC_PREFIX: run.naming.prefix },
    });
    dpo = (await harness.user('dpo', 'Ana DPO')).token;
    auditor = (await harness.user('auditor', 'Luis Auditor')).token;

    // the Peruvian template without the example authorisation it carries: only the register
    // can allow a face identification here
    const document = parseYaml(
      readFileSync(join(__dirname, '..', '..', 'policies', 'pe-municipal.policy.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    delete document.authorisations;
    const policyFile = join(dir, 'pe-without-authorisations.json');
    policyJson = JSON.stringify(document);
    writeFileSync(policyFile, policyJson);
    const publicKeyFile = join(dir, 'k.pem');
    writeFileSync(publicKeyFile, harness.publicKey.export({ type: 'spki', format: 'pem' }));
    governor = await run.startGovernor({
      TAMIZ_POLICY_FILE: policyFile,
      TAMIZ_POLICY_PUBLIC_KEYS: `${harness.keyId}=${publicKeyFile}`,
      TAMIZ_PSEUDONYM_SECRET: 'ab'.repeat(32),
    });
  });

  afterAll(async () => {
    await harness.tearDown();
    await run.tearDown();
    rmSync(dir, { recursive: true, force: true });
  });

  const policyStatus = async (): Promise<PolicyStatus> =>
    (await (await fetch(`${governor.url}/health/policy`)).json()) as PolicyStatus;

  /** Produces one face match in the authorisation's scope and returns its decision. */
  async function decideFaceMatch(): Promise<DecisionRecordV1> {
    const event = DetectionEventFactory.faceMatch({
      cameraId: 'cam-si-001',
      occurredAt: '2026-03-14T15:00:00.000Z',
      confidence: 0.95,
      identifiers: { faceMatch: { watchlist: 'requisitoria-judicial' } },
    });
    const producer = run.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: run.topic('detections.raw.v1'),
      messages: [{ key: event.data.cameraId, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    produced += 1;
    const decisions = await readTopic({
      kafka: run.kafka,
      topic: run.topic('decisions.v1'),
      expected: produced,
      timeoutMs: 60_000,
      quietMs: 500,
    });
    // one decision per event, never doubled
    expect(decisions).toHaveLength(produced);
    const found = decisions
      .map((m) => JSON.parse(m.value.toString()) as DecisionRecordV1)
      .find((d) => d.eventId === event.id);
    if (!found) {
      throw new Error(`no decision for ${event.id}`);
    }
    return found;
  }

  const register = () =>
    harness.call<{ authorisationId: string; status: string }>({
      token: dpo,
      method: 'POST',
      path: '/authorisations',
      body: {
        issuer: ISSUER,
        caseRef: CASE_REF,
        purposes: [PURPOSE],
        scope: { watchlists: ['requisitoria-judicial'], cameras: ['cam-si-001'] },
        validFrom: '2026-03-01T00:00:00-05:00',
        validUntil: '2026-03-31T23:59:59-05:00',
      },
    });

  async function governorOnRegister(sequence: number): Promise<PolicyStatus> {
    return waitFor({
      what: `the governor on register ${sequence}`,
      timeoutMs: 30_000,
      intervalMs: 50,
      check: async () => {
        const status = await policyStatus();
        return status.authorisations.sequence === sequence ? status : undefined;
      },
    });
  }

  let authorisationId = '';
  let forwardedEventId = '';

  it('should suppress a face identification while no authorisation is registered', async () => {
    const decision = await decideFaceMatch();

    expect((await policyStatus()).authorisations).toEqual({
      sequence: 0,
      count: 0,
      rejectedRegisters: 0,
    });
    expect(decision.verdict).toBe('suppress');
    expect(decision.reasons.map((r) => r.code)).toEqual(['authorization.missing']);
  });

  it('should forward it once a DPO registers an authorisation, naming its id and not its case', async () => {
    const registered = await register();
    authorisationId = registered.body.authorisationId;
    expect(registered).toMatchObject({ status: 201, body: { status: 'active' } });

    expect((await governorOnRegister(1)).authorisations.count).toBe(1);
    const decision = await decideFaceMatch();
    forwardedEventId = decision.eventId;

    expect(decision.verdict).toBe('forward');
    expect(decision.humanReview).toBe('two-person');
    expect(decision.ruleIds).toEqual([`purpose:${PURPOSE}`, `authorization:${authorisationId}`]);
    expect(decision.reasons[0].es).toContain(authorisationId);
    const bytes = JSON.stringify(decision);
    expect(bytes).not.toContain(CASE_REF);
    expect(bytes).not.toContain('Juzgado');
    const publication = await harness.call({
      token: auditor,
      method: 'GET',
      path: '/authorisations/register',
    });
    expect(publication.body).toMatchObject({
      sequence: 1,
      authorisations: 1,
      published: { sequence: 1 },
      inSync: true,
    });
  });

  it('should simulate a version with the register in force, as the governors decide', async () => {
    // the same camera and the same policy, now in policy-admin: the face matches produced so far
    // (one before the registration, one after) are replayed under it
    const camera = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/cameras',
      body: CAMERA,
    });
    expect(camera.status).toBe(201);
    const version = await harness.call<{ versionId: string }>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'json', content: policyJson },
    });
    expect(version.status).toBe(201);
    const report = await harness.call<{
      register: { sequence: number; authorisations: number };
      events: number;
      tallies: { candidate: { forwarded: number; alertsByPurpose: Record<string, number> } };
    }>({
      token: dpo,
      method: 'POST',
      path: `/policies/versions/${version.body.versionId}/simulate`,
      body: { hours: 24 },
    });

    expect(report.status).toBe(200);
    expect(report.body.register).toEqual({ sequence: 1, authorisations: 1 });
    expect(report.body.events).toBe(produced);
    // without the register the candidate would suppress both (authorization.missing)
    expect(report.body.tallies.candidate.forwarded).toBe(produced);
    expect(report.body.tallies.candidate.alertsByPurpose).toEqual({ [PURPOSE]: produced });
  });

  it('should publish a minimised, signed register under its own key', async () => {
    const records = await readTopic({
      kafka: run.kafka,
      topic: run.topic('policies.v1'),
      expected: 1,
      timeoutMs: 30_000,
      quietMs: 300,
    });
    const record = records.find((r) => r.key === AUTHORISATION_REGISTER_KEY);
    const raw = JSON.parse(record?.value.toString() ?? 'null') as AuthorisationRegisterV1;

    expect(verifyAuthorisationRegister(raw, { [harness.keyId]: harness.publicKey }).ok).toBe(true);
    expect(raw.authorisations).toEqual([
      {
        id: authorisationId,
        purposes: [PURPOSE],
        scope: { watchlists: ['requisitoria-judicial'], cameras: ['cam-si-001'] },
        validFrom: '2026-03-01T05:00:00.000Z',
        validUntil: '2026-04-01T04:59:59.000Z',
      },
    ]);
  });

  it('should record the use under the authorisation, once, from the decision', async () => {
    const uses = await waitFor({
      what: 'the use recorded from the decision',
      timeoutMs: 60_000,
      check: async () => {
        const found = await harness.call<{ uses: Use[] }>({
          token: auditor,
          method: 'GET',
          path: `/authorisations/${authorisationId}`,
        });
        return found.body.uses.length > 0 ? found.body.uses : undefined;
      },
    });

    expect(uses).toEqual([
      expect.objectContaining({
        eventId: forwardedEventId,
        usedBy: 'governor',
        cameraId: 'cam-si-001',
      }),
    ]);
  });

  it('should record no use twice when the decisions are read again from the start', async () => {
    await harness.stop();
    await harness.start({
      brokers: process.env.KAFKA_BROKERS,
      clock,
      env: {
        TAMIZ_TOPIC_PREFIX: run.naming.prefix,
        TAMIZ_ADMIN_USES_GROUP_ID: `${harness.usesGroupId}-again`,
      },
    });
    // a new group reads every decision again; wait until it has read them all
    await waitFor({
      what: 'the new uses group to read the decisions topic',
      timeoutMs: 60_000,
      check: async () => {
        const [offsets] = await run.admin.fetchOffsets({
          groupId: `${harness.usesGroupId}-again`,
          topics: [run.topic('decisions.v1')],
        });
        const ends = await run.admin.fetchTopicOffsets(run.topic('decisions.v1'));
        return ends.every((end) => {
          const committed = offsets.partitions.find((p) => p.partition === end.partition);
          return end.high === end.low || BigInt(committed?.offset ?? '-1') >= BigInt(end.high);
        });
      },
    });
    const found = await harness.call<{ uses: Use[] }>({
      token: auditor,
      method: 'GET',
      path: `/authorisations/${authorisationId}`,
    });

    expect(found.body.uses.map((u) => u.eventId)).toEqual([forwardedEventId]);
  });

  it('should suppress it again once the authorisation is revoked', async () => {
    const revoked = await harness.call({
      token: dpo,
      method: 'POST',
      path: `/authorisations/${authorisationId}/revoke`,
      body: {},
    });
    expect(revoked.body).toMatchObject({ status: 'revoked' });

    expect((await governorOnRegister(2)).authorisations.count).toBe(0);
    const decision = await decideFaceMatch();

    expect(decision.verdict).toBe('suppress');
    expect(decision.reasons.map((r) => r.code)).toEqual(['authorization.missing']);
  });

  it('should refuse a tampered register and keep the one in force', async () => {
    const records = await readTopic({
      kafka: run.kafka,
      topic: run.topic('policies.v1'),
      expected: 2,
      timeoutMs: 30_000,
      quietMs: 300,
    });
    const last = JSON.parse(
      records[records.length - 1].value.toString(),
    ) as AuthorisationRegisterV1;
    // someone with write access to the topic puts the revoked authorisation back
    const tampered: AuthorisationRegisterV1 = {
      ...last,
      sequence: last.sequence + 1,
      authorisations: [
        {
          id: authorisationId,
          purposes: [PURPOSE],
          scope: { watchlists: ['requisitoria-judicial'] },
          validFrom: '2026-03-01T05:00:00.000Z',
          validUntil: '2026-04-01T04:59:59.000Z',
        },
      ],
    };
    const producer = run.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: run.topic('policies.v1'),
      messages: [{ key: AUTHORISATION_REGISTER_KEY, value: JSON.stringify(tampered) }],
    });
    await producer.disconnect();

    const status = await waitFor({
      what: 'the tampered register refused',
      timeoutMs: 30_000,
      intervalMs: 50,
      check: async () => {
        const s = await policyStatus();
        return s.authorisations.rejectedRegisters === 1 ? s : undefined;
      },
    });
    const decision = await decideFaceMatch();

    expect(status.authorisations).toEqual({ sequence: 2, count: 0, rejectedRegisters: 1 });
    expect(governor.output()).toContain(
      '"msg":"authorisation register refused; the register in force stays"',
    );
    expect(governor.output()).toContain('"code":"register_bad_signature"');
    expect(decision.verdict).toBe('suppress');
  });
});
