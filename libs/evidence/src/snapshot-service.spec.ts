import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { syntheticSnapshot } from '@lib/simulator';
import { EvidenceStore } from './evidence-store';
import { SnapshotQueue } from './snapshot-queue';
import { SnapshotService, redactedKey } from './snapshot-service';

jest.setTimeout(60_000);

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tamiz-snapshots-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('SnapshotService', () => {
  it('keeps the raw image and stores a redacted copy without metadata', async () => {
    const store = new EvidenceStore({ root });
    const service = new SnapshotService(store, new SnapshotQueue({ concurrency: 1 }));
    const snap = await syntheticSnapshot(31, { width: 640, height: 360 });
    const tagged = await sharp(snap.jpeg)
      .withExif({ IFD0: { Make: 'CamaraMuni' } })
      .toBuffer();

    await service.keepRaw('ev-31', tagged);
    const pending = service.tryRedact('ev-31', tagged, snap.regions);
    expect(pending).not.toBe('full');
    const ref = await (pending as Promise<unknown>);
    expect(ref).toMatchObject({ eventId: 'ev-31.redacted', contentType: 'image/jpeg' });

    expect((await store.get('ev-31'))?.bytes.equals(tagged)).toBe(true);
    const redacted = (await store.get(redactedKey('ev-31')))!.bytes;
    expect(redacted.equals(tagged)).toBe(false);
    expect((await sharp(redacted).metadata()).exif).toBeUndefined();
  });

  it('answers full instead of waiting when the backlog is full', async () => {
    const store = new EvidenceStore({ root });
    const queue = new SnapshotQueue({ concurrency: 1, maxBacklog: 1 });
    const service = new SnapshotService(store, queue);
    const snap = await syntheticSnapshot(32, { width: 640, height: 360 });
    const first = service.tryRedact('ev-a', snap.jpeg, snap.regions);
    const second = service.tryRedact('ev-b', snap.jpeg, snap.regions);
    expect(service.tryRedact('ev-c', snap.jpeg, snap.regions)).toBe('full');
    // redact() waits instead, and gets through once there is room
    const third = service.redact('ev-c', snap.jpeg, snap.regions);
    await Promise.all([first, second, third]);
    expect(await store.has(redactedKey('ev-a'))).toBe(true);
    expect(await store.has(redactedKey('ev-c'))).toBe(true);
    expect(queue.stats()).toMatchObject({ done: 3, rejected: 1 });
  });
});
