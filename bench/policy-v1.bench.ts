/**
 * Cost of PolicyEvaluator.evaluate (policy v1) per event: a 1.5 KB fight event under the demo
 * policy plus a fifth purpose, so two purposes match and two minimised alerts are built; and a
 * suppressed event for comparison. Run from the repository root after a build: node dist/bench/policy-v1.bench.js
 * Prints µs/event, the median (and min) of several rounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraRecord, DetectionData } from '@lib/contracts';
import { compilePolicy, parsePolicyText } from '@lib/policy';
import { DetectionEventFactory } from '../test/factories/detection-event.factory';

const ROUNDS = 15;
const ITERATIONS = 50_000;
const EVENT_BYTES = 1500;

// run from the repository root (npm scripts do)
const root = process.cwd();
const demo = parsePolicyText(
  readFileSync(join(root, 'policies/demo/lima-demo.policy.yaml'), 'utf8'),
  'yaml',
) as { purposes: unknown[] };
demo.purposes.push({
  id: 'estadistica-incidentes',
  title: { es: 'Estadística de incidentes', en: 'Incident statistics' },
  legalBasis: { kind: 'public_function', citation: 'Ley 29733 art. 14' },
  analytics: ['fight', 'weapon', 'intrusion'],
  humanReview: 'none',
  priority: 'low',
  recipients: ['observatorio-seguridad'],
  fields: ['occurredAt', 'siteId', 'zone', 'analyticType'],
});
const policy = compilePolicy(demo);
const cameras = JSON.parse(
  readFileSync(join(root, 'policies/demo/cameras.json'), 'utf8'),
) as CameraRecord[];
const camera = cameras.find((c) => c.cameraId === 'cam-mf-002') ?? null;
if (camera) {
  camera.allowedPurposes.push('estadistica-incidentes');
}

const sized = DetectionEventFactory.sized(EVENT_BYTES, {
  cameraId: 'cam-mf-002',
  analyticType: 'fight',
  attributes: { person: { age: 34, gender: 'male' } },
});
const forwarded: DetectionData = sized.data;
const suppressed: DetectionData = { ...forwarded, analyticType: 'face-match' };
const check = policy.evaluate({ event: forwarded, camera });
if (
  check.alerts.length !== 2 ||
  policy.evaluate({ event: suppressed, camera }).alerts.length !== 0
) {
  throw new Error('the benchmark events must forward to two purposes and suppress');
}

let sink = 0;
type Run = () => void;
const runs: Record<string, Run> = {
  forwardTwoAlerts: () => {
    sink += policy.evaluate({ event: forwarded, camera }).alerts.length;
  },
  suppress: () => {
    sink += policy.evaluate({ event: suppressed, camera }).alerts.length;
  },
  // the yardstick: this machine's cost of serialising the same event once
  jsonStringifyEvent: () => {
    sink += JSON.stringify(forwarded).length;
  },
};

/** µs per call over one round. */
function round(run: Run): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) {
    run();
  }
  return Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS;
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

// warm-up, then interleaved rounds so every case sees the same machine load
Object.values(runs).forEach(round);
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i += 1) {
  for (const [name, run] of Object.entries(runs)) {
    samples[name].push(round(run));
  }
}
const micros = Object.fromEntries(
  Object.entries(samples).map(([name, s]) => [
    name,
    { min: Math.min(...s).toFixed(2), median: median(s).toFixed(2) },
  ]),
);

console.log(
  JSON.stringify(
    {
      node: process.version,
      eventBytes: Buffer.byteLength(JSON.stringify(sized)),
      purposes: demo.purposes.length,
      callsPerRound: ITERATIONS,
      rounds: ROUNDS,
      micros,
      forwardPerJsonStringify: (
        median(samples.forwardTwoAlerts) / median(samples.jsonStringifyEvent)
      ).toFixed(2),
      sink,
    },
    null,
    2,
  ),
);
