import { redactSnapshot } from '@lib/redaction';
import { syntheticSnapshot, type SyntheticSnapshot } from '@lib/simulator';
import { EvidenceError, EvidenceErrorCode } from './evidence.error';
import { SnapshotQueue } from './snapshot-queue';

jest.setTimeout(60_000);

// Real image work: each job redacts a small synthetic scene with sharp.
let snap: SyntheticSnapshot;
beforeAll(async () => {
  snap = await syntheticSnapshot(3, { width: 480, height: 270 });
});

function redactJob(log?: string[], name?: string): () => Promise<Buffer> {
  return async () => {
    log?.push(`start ${name}`);
    const out = await redactSnapshot(snap.jpeg, snap.regions);
    log?.push(`end ${name}`);
    return out;
  };
}

describe('SnapshotQueue', () => {
  it('runs jobs in the order accepted, never more than `concurrency` at once', async () => {
    const queue = new SnapshotQueue({ concurrency: 2, maxBacklog: 20 });
    const starts: number[] = [];
    let running = 0;
    let peak = 0;
    const tickets = Array.from({ length: 12 }, (_, i) =>
      queue.trySubmit(async () => {
        starts.push(i);
        running += 1;
        peak = Math.max(peak, running);
        try {
          return await redactSnapshot(snap.jpeg, snap.regions);
        } finally {
          running -= 1;
        }
      }),
    );
    expect(queue.stats()).toMatchObject({ running: 2, queued: 10 });
    const outputs = await Promise.all(
      tickets.map((t) => (t === 'full' ? Promise.reject(new Error('full')) : t.result)),
    );
    expect(starts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(peak).toBe(2);
    expect(outputs.every((o) => o[0] === 0xff && o[1] === 0xd8)).toBe(true);
    const stats = queue.stats();
    expect(stats).toMatchObject({ queued: 0, running: 0, done: 12, failed: 0, rejected: 0 });
    expect(stats.p50Ms).toBeGreaterThan(0);
    expect(stats.p95Ms).toBeGreaterThanOrEqual(stats.p50Ms!);
  });

  it('trySubmit reports full when the backlog is full, and keeps nothing of that job', async () => {
    const queue = new SnapshotQueue({ concurrency: 1, maxBacklog: 2 });
    const log: string[] = [];
    const accepted = [0, 1, 2].map((i) => queue.trySubmit(redactJob(log, String(i))));
    // one running, two in the backlog: the backlog is full
    expect(accepted.every((t) => t !== 'full')).toBe(true);
    expect(queue.trySubmit(redactJob(log, 'x'))).toBe('full');
    expect(queue.stats()).toMatchObject({ running: 1, queued: 2, rejected: 1 });
    await queue.onIdle();
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 0', 'start 1', 'start 2']);
    expect(queue.trySubmit(redactJob())).not.toBe('full');
    await queue.onIdle();
    expect(queue.stats()).toMatchObject({ done: 4, rejected: 1 });
  });

  it('submit waits for backlog space: a fast producer is held to the pace of the work', async () => {
    const queue = new SnapshotQueue({ concurrency: 1, maxBacklog: 2 });
    const log: string[] = [];
    const results: Array<Promise<Buffer>> = [];
    let maxQueued = 0;
    for (let i = 0; i < 8; i++) {
      const ticket = await queue.submit(redactJob(log, String(i)));
      log.push(`accepted ${i}`);
      maxQueued = Math.max(maxQueued, queue.stats().queued);
      results.push(ticket.result);
    }
    // the 4th submit could only be accepted after the 1st job ended and the 2nd started
    expect(log.indexOf('accepted 3')).toBeGreaterThan(log.indexOf('end 0'));
    expect(maxQueued).toBeLessThanOrEqual(2);
    await Promise.all(results);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7'].map((i) => `start ${i}`),
    );
  });

  it('producers waiting in submit get in first come, first served', async () => {
    const queue = new SnapshotQueue({ concurrency: 1, maxBacklog: 1 });
    const log: string[] = [];
    queue.trySubmit(redactJob(log, 'a'));
    queue.trySubmit(redactJob(log, 'b'));
    const waiting = ['c', 'd', 'e'].map((n) => queue.submit(redactJob(log, n)));
    expect(queue.stats().waiting).toBe(3);
    await Promise.all((await Promise.all(waiting)).map((t) => t.result));
    expect(log.filter((l) => l.startsWith('start'))).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((n) => `start ${n}`),
    );
  });

  it('a failing job rejects its own ticket, is counted, and does not stop the others', async () => {
    const queue = new SnapshotQueue({ concurrency: 2, maxBacklog: 8 });
    const good = queue.trySubmit(redactJob());
    // real failure from the redactor: bytes that are not a JPEG
    const bad = queue.trySubmit(() => redactSnapshot(Buffer.from('not a jpeg'), snap.regions));
    const dropped = queue.trySubmit(() => redactSnapshot(snap.jpeg.subarray(0, 300), []));
    const after = queue.trySubmit(redactJob());
    if (good === 'full' || bad === 'full' || dropped === 'full' || after === 'full') {
      throw new Error('backlog unexpectedly full');
    }
    await expect(bad.result).rejects.toMatchObject({ code: 'redaction_invalid_image' });
    await expect(good.result).resolves.toBeInstanceOf(Buffer);
    await expect(after.result).resolves.toBeInstanceOf(Buffer);
    await queue.onIdle();
    expect(queue.stats()).toMatchObject({ done: 2, failed: 2, running: 0, queued: 0 });
  });

  it('after close, accepted jobs finish and new or waiting ones are refused with a code', async () => {
    const queue = new SnapshotQueue({ concurrency: 1, maxBacklog: 1 });
    const first = queue.trySubmit(redactJob());
    queue.trySubmit(redactJob());
    const waiting = queue.submit(redactJob()).catch((error: unknown) => error);
    await queue.close();
    if (first === 'full') {
      throw new Error('backlog unexpectedly full');
    }
    await expect(first.result).resolves.toBeInstanceOf(Buffer);
    expect(await waiting).toBeInstanceOf(EvidenceError);
    expect(() => queue.trySubmit(redactJob())).toThrow(
      expect.objectContaining({ code: EvidenceErrorCode.QueueClosed }) as Error,
    );
    expect(queue.stats()).toMatchObject({ done: 2, waiting: 0 });
  });

  it('refuses a concurrency or backlog out of range', () => {
    expect(() => new SnapshotQueue({ concurrency: 0 })).toThrow(EvidenceError);
    expect(() => new SnapshotQueue({ maxBacklog: 1.5 })).toThrow(EvidenceError);
    expect(new SnapshotQueue().concurrency).toBeGreaterThanOrEqual(1);
  });
});
