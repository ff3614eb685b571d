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
const ITERATIONS = 100_000;
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
function round(event: DetectionData): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i += 1) {
    sink += policy.evaluate({ event, camera }).alerts.length;
  }
  return Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS;
}

function summary(samples: number[]): { min: string; median: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0].toFixed(2), median: sorted[Math.floor(sorted.length / 2)].toFixed(2) };
}

round(forwarded);
round(suppressed);
const forwardSamples: number[] = [];
const suppressSamples: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  forwardSamples.push(round(forwarded));
  suppressSamples.push(round(suppressed));
}

console.log(
  JSON.stringify(
    {
      node: process.version,
      eventBytes: Buffer.byteLength(JSON.stringify(sized)),
      purposes: demo.purposes.length,
      callsPerRound: ITERATIONS,
      rounds: ROUNDS,
      forwardTwoAlertsMicros: summary(forwardSamples),
      suppressMicros: summary(suppressSamples),
      sink,
    },
    null,
    2,
  ),
);
