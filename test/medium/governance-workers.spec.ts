import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '@lib/common';
import type { CameraRecord, RegisteredAuthorisationV1 } from '@lib/contracts';
import type { InboundBatch, OutboundRecord } from '@lib/kafka';
import { compilePolicy, noPolicyEvaluator, parsePolicyText } from '@lib/policy';
import { hkdfKeyring } from '@lib/redaction';
import { EventMix } from '@lib/simulator';
import { DetectionEventFactory } from '../factories/detection-event.factory';
import { governRecords } from '../../apps/governor/src/governance/govern-records';
import {
  GovernanceErrorCode,
  GovernanceWorkers,
  type GovernanceInputs,
} from '../../apps/governor/src/governance/governance-workers';

/**
 * Real worker threads (the built worker, as `npm test` makes it) against the same batch governed
 * inline: the bytes must be identical, with the policy and registry held at dispatch.
 */
const ROOT = join(__dirname, '..', '..');
const SECRET = Buffer.alloc(32, 7);
const cameras = JSON.parse(
  readFileSync(join(ROOT, 'policies/demo/cameras.json'), 'utf8'),
) as CameraRecord[];
const document = (file: string): unknown =>
  parsePolicyText(readFileSync(join(ROOT, 'policies', file), 'utf8'), 'yaml');
const demo = document('demo/lima-demo.policy.yaml');
const municipal = document('pe-municipal.policy.yaml');
const compiled = (doc: unknown, authorisations: RegisteredAuthorisationV1[] | null = null) => ({
  policy: compilePolicy(doc, { keyring: hkdfKeyring(SECRET) }),
  document: doc,
  authorisations,
});
const receivedAt = new Date('2026-11-26T15:00:00Z');

function batch(seed: number, count: number, partition = 0): InboundBatch {
  const mix = new EventMix({ seed, cameras, startAt: receivedAt, sizeRange: [900, 1_800] });
  return {
    topic: 'tamiz.detections.raw',
    partition,
    records: Array.from({ length: count }, (_, i) => {
      const r = mix.next();
      return {
        topic: 'tamiz.detections.raw',
        partition,
        offset: String(1_000 + i),
        key: r.key === null ? null : Buffer.from(r.key),
        value: r.value,
        timestamp: '1764169200000',
        headers: {},
      };
    }),
  };
}

function inline(input: InboundBatch, inputs: GovernanceInputs) {
  const { policy, authorisations } = inputs.policy;
  return governRecords(
    {
      policy: authorisations ? policy.withRegisteredAuthorisations(authorisations) : policy,
      camera: (id) => inputs.cameras.get(id) ?? null,
      maxEventBytes: 65_536,
      receivedAt: inputs.receivedAt,
    },
    input.records,
  );
}

const bytes = (records: OutboundRecord[]) =>
  records.map((r) => [r.topic, r.key, Buffer.from(r.value).toString('utf8'), r.headers]);

describe('governance workers (real worker threads)', () => {
  let workers: GovernanceWorkers;
  beforeEach(() => {
    workers = new GovernanceWorkers({
      count: 2,
      data: { maxEventBytes: 65_536, pseudonymSecret: SECRET },
      logger: silentLogger,
    });
  });
  afterEach(() => workers.close());

  it('should emit exactly the records and tally that governing inline emits', async () => {
    const input = batch(3, 400);
    const inputs: GovernanceInputs = {
      policy: compiled(demo),
      cameras: new Map(cameras.map((c) => [c.cameraId, c])),
      receivedAt,
    };
    const expected = inline(input, inputs);
    const governed = await workers.govern(input, inputs);
    expect(bytes(governed.records)).toEqual(bytes(expected.records));
    expect(governed.tally).toEqual(expected.tally);
    // the mix holds every outcome, so the comparison covers all three paths
    expect(expected.tally.forwarded).toBeGreaterThan(0);
    expect(expected.tally.suppressed).toBeGreaterThan(0);
    expect(expected.tally.deadLettered).toBeGreaterThan(0);
  });

  it('should decide each batch with the policy and cameras held when it was dispatched', async () => {
    const registry = new Map(cameras.map((c) => [c.cameraId, c]));
    const steps: GovernanceInputs[] = [
      { policy: compiled(demo), cameras: registry, receivedAt },
      { policy: compiled(municipal), cameras: registry, receivedAt },
      { policy: compiled(municipal), cameras: new Map(), receivedAt },
      {
        policy: { policy: noPolicyEvaluator(), document: null, authorisations: null },
        cameras: registry,
        receivedAt,
      },
    ];
    const inputs = steps.map((_, i) => batch(10 + i, 120, i));
    // dispatched back to back, as several partitions do: none may see another's policy
    const governed = await Promise.all(steps.map((step, i) => workers.govern(inputs[i], step)));
    governed.forEach((result, i) => {
      expect(bytes(result.records)).toEqual(bytes(inline(inputs[i], steps[i]).records));
    });
    expect(governed[3].tally.forwarded).toBe(0);
    expect(governed[2].tally.suppressedByReason).toHaveProperty(['camera.unknown']);
  });

  it('should merge the register of authorisations in force, as the main thread does', async () => {
    const camera: CameraRecord = {
      ...cameras[0],
      cameraId: 'cam-fr-01',
      allowedPurposes: ['identificacion-facial-autorizada'],
    };
    const events = Array.from({ length: 5 }, () =>
      DetectionEventFactory.faceMatch({
        cameraId: 'cam-fr-01',
        confidence: 0.95,
        identifiers: { faceMatch: { watchlist: 'requisitoria-judicial', similarity: 0.96 } },
      }),
    );
    const input: InboundBatch = {
      topic: 'tamiz.detections.raw',
      partition: 0,
      records: events.map((event, i) => ({
        topic: 'tamiz.detections.raw',
        partition: 0,
        offset: String(i),
        key: null,
        value: DetectionEventFactory.toBytes(event),
        timestamp: '0',
        headers: {},
      })),
    };
    const registered: RegisteredAuthorisationV1 = {
      id: 'AUT-REG-7',
      purposes: ['identificacion-facial-autorizada'],
      scope: { watchlists: ['requisitoria-judicial'], cameras: ['cam-fr-01'] },
      validFrom: '2000-01-01T00:00:00Z',
      validUntil: '2100-01-01T00:00:00Z',
    };
    const policy = compiled(municipal);
    const cameraMap = new Map([[camera.cameraId, camera]]);
    const steps: GovernanceInputs[] = [
      { policy, cameras: cameraMap, receivedAt },
      { policy: { ...policy, authorisations: [registered] }, cameras: cameraMap, receivedAt },
      { policy: { ...policy, authorisations: [] }, cameras: cameraMap, receivedAt },
    ];
    const forwarded: number[] = [];
    for (const step of steps) {
      const governed = await workers.govern(input, step);
      expect(bytes(governed.records)).toEqual(bytes(inline(input, step).records));
      forwarded.push(governed.tally.forwarded);
    }
    // suppressed without it, forwarded under it, suppressed again once it is revoked
    expect(forwarded).toEqual([0, 5, 0]);
  });

  it('should fail the batches of a worker that dies, retriably, and govern on with a new one', async () => {
    const inputs: GovernanceInputs = {
      policy: compiled(demo),
      cameras: new Map(cameras.map((c) => [c.cameraId, c])),
      receivedAt,
    };
    const pending = workers.govern(batch(5, 2_000), inputs);
    const slots = (workers as unknown as { slots: Array<{ worker: { terminate(): unknown } }> })
      .slots;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    await expect(pending).rejects.toMatchObject({
      code: GovernanceErrorCode.WorkerGone,
      retriable: true,
    });
    const input = batch(6, 50);
    const again = await workers.govern(input, inputs);
    expect(bytes(again.records)).toEqual(bytes(inline(input, inputs).records));
  });
});
