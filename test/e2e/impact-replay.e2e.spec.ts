import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraRecord } from '@lib/contracts';
import { readTopicRange } from '@lib/kafka';
import { ImpactSimulation, compilePolicy, parsePolicyText } from '@lib/policy';
import { DetectionEventFactory, resetFactoryIds } from '../factories/detection-event.factory';
import { testKafka, uniqueName } from '../utils/kafka';

const DEMO = join(__dirname, '..', '..', 'policies', 'demo');
const cameras = JSON.parse(readFileSync(join(DEMO, 'cameras.json'), 'utf8')) as CameraRecord[];
const demoText = readFileSync(join(DEMO, 'lima-demo.policy.yaml'), 'utf8');

describe('impact simulation replay (real broker)', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  const topic = uniqueName('raw-replay');
  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
  });
  afterAll(() => admin.disconnect());
  beforeEach(() => resetFactoryIds());

  it('replays exactly the records of the last hour, by record timestamp, and counts both policies', async () => {
    const now = Date.now();
    const value = (e: unknown) => Buffer.from(JSON.stringify(e));
    const old = Array.from({ length: 30 }, () => ({
      key: 'cam-si-001',
      value: value(DetectionEventFactory.behaviour('fight', { cameraId: 'cam-si-001' })),
      timestamp: String(now - 2 * 3_600_000),
    }));
    const fights = Array.from({ length: 40 }, (_, i) => ({
      key: `cam-si-00${1 + (i % 2)}`,
      value: value(DetectionEventFactory.behaviour('fight', { cameraId: 'cam-si-001' })),
      timestamp: String(now),
    }));
    const loitering = Array.from({ length: 12 }, () => ({
      key: 'cam-si-001',
      value: value(DetectionEventFactory.behaviour('loitering', { cameraId: 'cam-si-001' })),
      timestamp: String(now),
    }));
    const broken = [{ key: 'x', value: Buffer.from('{"broken'), timestamp: String(now) }];
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [...old, ...fights, ...loitering, ...broken],
    });
    await producer.disconnect();

    const byId = new Map(cameras.map((c) => [c.cameraId, c]));
    const candidate = compilePolicy(
      parsePolicyText(
        demoText.replace(
          'analytics: [intrusion, fight, weapon, abandoned-object]',
          'analytics: [intrusion, fight, weapon, abandoned-object, loitering]',
        ),
        'yaml',
      ),
    );
    const simulation = new ImpactSimulation({
      active: compilePolicy(parsePolicyText(demoText, 'yaml')),
      candidate,
      camera: (id) => byId.get(id) ?? null,
    });
    const read = await readTopicRange({
      kafka,
      topic,
      sinceMs: now - 3_600_000,
      onRecord: (v) => simulation.add(v),
    });
    expect(read.records).toBe(53);
    expect(simulation.report()).toMatchObject({
      records: 53,
      invalid: 1,
      events: 52,
      changed: 12,
      tallies: {
        active: { forwarded: 40, suppressed: 12 },
        candidate: { forwarded: 52, suppressed: 0 },
      },
    });
  }, 120_000);
});
