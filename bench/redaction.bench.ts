/**
 * Snapshot redaction: synthetic 1920×1080 street scenes (JPEG, quality 85, 8 seeds in turn) with
 * 4 boxes each (two faces, two plates); each image is decoded, redacted (pixelation with noise)
 * and encoded again. libvips' operation cache is off, so no decode is served from memory.
 * 1. Sequential: median and p95 ms per image over SEQUENTIAL runs, after a warm-up, next to the
 *    bare decode + encode of the same image (the floor any redaction pays).
 * 2. Throughput: QUEUED images through a SnapshotQueue at full concurrency (one slot per core).
 * 3. Adapters: events/s per camera format over the golden fixtures (as bench:adapters measures
 *    them, ADAPTER_SECONDS of CPU time per format), the other half of the ingress's work.
 * Run: npm run bench:redaction. The last line is JSON: {"bench":"redaction",…}.
 */
import { availableParallelism, loadavg } from 'node:os';
import sharp from 'sharp';
import { SnapshotQueue } from '@lib/evidence';
import { redactSnapshot, type SnapshotRegion } from '@lib/redaction';
import { syntheticSnapshot, type SyntheticSnapshot } from '@lib/simulator';
import { adapterEventsPerSec, benchAdapterFormats } from './adapter-throughput';
import { percentile, round } from './bench-support';

const WARM_UP = 10;
const SEQUENTIAL = 100;
const QUEUED = 240;
const SCENES = 8;
const ADAPTER_SECONDS = 1;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function timeEach(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(ms(start));
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  sharp.cache(false);
  const cores = availableParallelism();
  // scenes drawn one after the other, so the generator's own time is measured too
  const scenes: Array<{ snap: SyntheticSnapshot; regions: SnapshotRegion[] }> = [];
  const drawMs: number[] = [];
  for (let i = 0; i < SCENES + WARM_UP; i++) {
    const start = process.hrtime.bigint();
    const snap = await syntheticSnapshot(i + 1, { people: 2, vehicles: 2 });
    drawMs.push(ms(start));
    if (i < SCENES) {
      scenes.push({ snap, regions: snap.regions.filter((r) => r.kind !== 'person') });
    }
  }
  const drawn = drawMs.slice(SCENES).sort((a, b) => a - b);
  let turn = 0;
  const next = (): (typeof scenes)[number] => scenes[turn++ % SCENES];
  const { snap, regions } = scenes[0];
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ` +
      `${cores} cores, libvips threads ${sharp.concurrency()}, load ${load.join(' ')}`,
  );
  console.log(
    `image ${snap.width}×${snap.height}, ${(snap.jpeg.length / 1024).toFixed(0)} KiB, ` +
      `${regions.length} boxes (${regions.map((r) => r.kind).join(', ')}); ` +
      `drawing a scene: median ${percentile(drawn, 50).toFixed(1)} ms (${drawn.length} scenes)`,
  );

  const bare = async (): Promise<Buffer> => {
    const { data, info } = await sharp(next().snap.jpeg)
      .raw()
      .toBuffer({ resolveWithObject: true });
    return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .jpeg({ quality: 80, mozjpeg: false, chromaSubsampling: '4:2:0', optimiseCoding: false })
      .toBuffer();
  };
  const redact = (): Promise<Buffer> => {
    const scene = next();
    return redactSnapshot(scene.snap.jpeg, scene.regions);
  };

  await timeEach(WARM_UP, bare);
  await timeEach(WARM_UP, redact);
  const cpuSeq = process.cpuUsage();
  const seqStart = process.hrtime.bigint();
  const seq = await timeEach(SEQUENTIAL, redact);
  const seqWall = ms(seqStart);
  const seqCpu = process.cpuUsage(cpuSeq);
  const floor = await timeEach(30, bare);
  const median = percentile(seq, 50);
  console.log(
    `sequential redact: median ${median.toFixed(1)} ms, p95 ${percentile(seq, 95).toFixed(1)} ms, ` +
      `min ${seq[0].toFixed(1)} ms (${SEQUENTIAL} images)`,
  );
  console.log(
    `bare decode+encode: median ${percentile(floor, 50).toFixed(1)} ms, min ${floor[0].toFixed(1)} ms`,
  );
  // CPU time of this process against wall time shows how much other processes took
  console.log(
    `sequential: this process ran ${(((seqCpu.user + seqCpu.system) / 1000 / seqWall) * 100).toFixed(0)}% ` +
      `of the wall time, CPU ${((seqCpu.user + seqCpu.system) / 1000 / SEQUENTIAL).toFixed(1)} ms/image`,
  );

  const queue = new SnapshotQueue({ concurrency: cores, maxBacklog: 4 * cores });
  const cpuQ = process.cpuUsage();
  const qStart = process.hrtime.bigint();
  const results: Array<Promise<Buffer>> = [];
  for (let i = 0; i < QUEUED; i++) {
    results.push((await queue.submit(redact)).result);
  }
  const outputs = await Promise.all(results);
  const qWall = ms(qStart);
  const cpu = process.cpuUsage(cpuQ);
  const imagesPerSec = (QUEUED * 1000) / qWall;
  const stats = queue.stats();
  await queue.close();
  console.log(
    `queue: ${QUEUED} images, concurrency ${cores}, ${imagesPerSec.toFixed(1)} images/s, ` +
      `job p50 ${stats.p50Ms} ms, p95 ${stats.p95Ms} ms, failed ${stats.failed}, ` +
      `this process used ${(((cpu.user + cpu.system) / 1000 / qWall / cores) * 100).toFixed(0)}% ` +
      `of ${cores} cores, CPU ${((cpu.user + cpu.system) / 1000 / QUEUED).toFixed(1)} ms/image`,
  );
  console.log(
    `output ${(outputs[0].length / 1024).toFixed(0)} KiB; load now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const adapters = benchAdapterFormats(ADAPTER_SECONDS);
  console.log(
    `adapters (${ADAPTER_SECONDS} s CPU each): ` +
      adapters
        .map((a) => `${a.format} ${a.eventsPerSec} events/s (${a.microsPerMessage} µs/message)`)
        .join(', '),
  );
  console.log(
    JSON.stringify({
      bench: 'redaction',
      msPerImageMedian: round(median, 1),
      imagesPerSec: round(imagesPerSec, 1),
      adapterEventsPerSec: adapterEventsPerSec(adapters),
    }),
  );
}

void main();
