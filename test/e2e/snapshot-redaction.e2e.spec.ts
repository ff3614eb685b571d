import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { topicName, type AlertV1 } from '@lib/contracts';
import { EvidenceStore, redactedKey } from '@lib/evidence';
import { provisionTopics } from '@lib/kafka';
import { syntheticSnapshot } from '@lib/simulator';
import { startRedactor, type RedactorHandle } from '../../apps/redactor/src/main';
import { testKafka, uniqueName, waitFor } from '../utils/kafka';

async function luma(jpeg: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function pearson(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/**
 * Alerts in, redacted images out: the redactor reads committed alerts from the real broker, takes
 * the original from the evidence store and stores the image the alert points at, with the faces
 * and plates of its purpose made irrecoverable and nothing else touched.
 */
describe('snapshot redaction of alerts (real broker, real evidence store, real sharp)', () => {
  const kafka = testKafka();
  const prefix = `${uniqueName('redact')}.`;
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-evidence-'));
  let handle: RedactorHandle | null = null;
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redacts the regions the purpose names inside each box and leaves the rest of the picture', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics({ admin, naming: { prefix } });
    await admin.disconnect();
    // evidence encrypted at rest: the redactor reads the original and writes its result with the
    // key from its configuration, the test with the same secret
    const secret = 'c0ffee'.repeat(11).slice(0, 64);
    const store = new EvidenceStore({ root: dir, durable: false, key: Buffer.from(secret, 'hex') });
    const scene = await syntheticSnapshot(42, { width: 1280, height: 720, people: 2, vehicles: 1 });
    await store.put('ev-1', scene.jpeg, 'image/jpeg');
    const faces = scene.regions.filter((r) => r.kind === 'face');
    const plates = scene.regions.filter((r) => r.kind === 'plate');
    const alert = (alertId: string, eventId: string): AlertV1 =>
      ({
        schema: 'tamiz.alert.v1',
        alertId,
        eventId,
        purpose: 'vehiculo-requisitoriado',
        redaction: { regions: ['face', 'plate'] },
        data: {
          snapshot: {
            boxes: scene.regions.map((r) => ({ ...r.box, kind: r.kind })),
            ref: `tamiz-redacted:${alertId}.jpg`,
          },
        },
      }) as AlertV1;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName('alerts.lawful.v1', { prefix }),
      messages: [
        { key: 'cam-1', value: JSON.stringify(alert('ev-1:vehiculo-requisitoriado', 'ev-1')) },
        { key: 'cam-1', value: JSON.stringify(alert('ev-404:vehiculo-requisitoriado', 'ev-404')) },
      ],
    });
    await producer.disconnect();

    handle = await startRedactor({
      env: {
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        TAMIZ_TOPIC_PREFIX: prefix,
        TAMIZ_REDACTOR_GROUP_ID: `${prefix}redactor`,
        TAMIZ_EVIDENCE_DIR: dir,
        TAMIZ_EVIDENCE_KEY: secret,
        TAMIZ_LOG_LEVEL: 'error',
      },
    });
    const redactor = handle.redactor;
    await waitFor({
      what: 'one redacted image and one missing original',
      timeoutMs: 60_000,
      check: async () => redactor.tally.redacted === 1 && redactor.tally.missing === 1,
    });

    const stored = await store.get(redactedKey('ev-1:vehiculo-requisitoriado'));
    await expect(
      new EvidenceStore({ root: dir }).get(redactedKey('ev-1:vehiculo-requisitoriado')),
    ).rejects.toMatchObject({ code: 'evidence_key_required' });
    expect(stored?.contentType).toBe('image/jpeg');
    const redactedJpeg = stored?.bytes ?? Buffer.alloc(0);
    expect((await sharp(redactedJpeg).metadata()).exif).toBeUndefined();
    const [a, b] = [await luma(scene.jpeg), await luma(redactedJpeg)];
    const inside = new Uint8Array(a.width * a.height);
    for (const { box } of [...faces, ...plates]) {
      const xs: number[] = [];
      const ys: number[] = [];
      const [x0, y0] = [Math.floor(box.x * a.width), Math.floor(box.y * a.height)];
      const [x1, y1] = [
        Math.ceil((box.x + box.w) * a.width),
        Math.ceil((box.y + box.h) * a.height),
      ];
      // fine detail: each pixel's difference to its right-hand neighbour
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1 - 1; x++) {
          const i = y * a.width + x;
          xs.push(a.data[i + 1] - a.data[i]);
          ys.push(b.data[i + 1] - b.data[i]);
        }
      }
      // pixelated with noise: the detail of the original is gone (the unredacted image gives 1;
      // libs/redaction/src/pixels/redact-snapshot.spec.ts shows that a blur fails such a check)
      expect(Math.abs(pearson(xs, ys))).toBeLessThan(0.2);
    }
    // outside every box snapped to the 16-px grid the picture is the same within JPEG tolerance
    for (const { box } of scene.regions) {
      const [x0, y0] = [
        Math.floor((box.x * a.width) / 16) * 16,
        Math.floor((box.y * a.height) / 16) * 16,
      ];
      const [x1, y1] = [
        Math.ceil(((box.x + box.w) * a.width) / 16) * 16,
        Math.ceil(((box.y + box.h) * a.height) / 16) * 16,
      ];
      for (let y = Math.max(0, y0 - 16); y < Math.min(a.height, y1 + 16); y++) {
        inside.fill(
          1,
          y * a.width + Math.max(0, x0 - 16),
          y * a.width + Math.min(a.width, x1 + 16),
        );
      }
    }
    let diff = 0;
    let n = 0;
    for (let i = 0; i < inside.length; i++) {
      if (!inside[i]) {
        diff += Math.abs(a.data[i] - b.data[i]);
        n += 1;
      }
    }
    expect(diff / n).toBeLessThan(3);
  }, 120_000);
});
