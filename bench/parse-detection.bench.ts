/**
 * parseDetection cost per event, against JSON.parse alone on the same bytes.
 * Run: npm run bench:contracts (builds first). Prints CPU µs/event: min and median of rounds.
 */
import { parseDetection } from '@lib/contracts';
import { DetectionEventFactory } from '../test/factories/detection-event.factory';

const ROUNDS = 15;
const ITERATIONS = 50_000;
const EVENT_BYTES = 1500;

/**
 * CPU µs per call over one round. CPU time rather than wall time, so that other processes on a
 * shared machine (a broker, a test run) do not count against the parser.
 */
function round(run: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i += 1) {
    run();
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ITERATIONS;
}

function summary(samples: number[]): { min: string; median: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0].toFixed(2), median: sorted[Math.floor(sorted.length / 2)].toFixed(2) };
}

const bytes = DetectionEventFactory.toBytes(DetectionEventFactory.sized(EVENT_BYTES));
const options = { maxBytes: 1_048_576 };
if (!parseDetection(bytes, options).ok) {
  throw new Error('the benchmark event must be valid');
}

let sink = 0;
const jsonOnly = (): void => {
  sink += Object.keys(JSON.parse(bytes.toString('utf8')) as object).length;
};
const full = (): void => {
  sink += parseDetection(bytes, options).ok ? 1 : 0;
};
// warm-up, then interleaved rounds so both see the same machine load
round(jsonOnly);
round(full);
const jsonSamples: number[] = [];
const fullSamples: number[] = [];
const overheadSamples: number[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  const json = round(jsonOnly);
  const parsed = round(full);
  jsonSamples.push(json);
  fullSamples.push(parsed);
  overheadSamples.push(parsed - json);
}

const report = {
  node: process.version,
  eventBytes: bytes.length,
  callsPerRound: ITERATIONS,
  rounds: ROUNDS,
  jsonParseMicros: summary(jsonSamples),
  parseDetectionMicros: summary(fullSamples),
  overheadMicros: summary(overheadSamples),
  sink,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
