/**
 * Cost of one CompiledTransform.apply per field value, for every transform kind, plus the
 * keyring on its own. Inputs cycle through 1,024 prepared values so no call is folded into a
 * constant. Run from the repository root after a build: node dist/bench/transforms.bench.js
 * Prints ns/op, the median (and min) of several rounds, with the bare loop's cost for reference.
 */
import { createHmac } from 'node:crypto';
import {
  compileTransform,
  hkdfKeyring,
  type TransformContext,
  type TransformSpec,
} from '@lib/redaction';

const ROUNDS = 15;
const ITERATIONS = 200_000;
const INPUTS = 1024;
const START = Date.UTC(2026, 2, 14, 8);

const keyring = hkdfKeyring(Buffer.alloc(32, 0x5a));
const ctx: TransformContext = {
  purposeId: 'delito-en-flagrancia',
  occurredAt: '2026-03-14T08:00:00.000Z',
  keyring,
};
const otherPurpose: TransformContext = { ...ctx, purposeId: 'estadistica-incidentes' };

const inputs = <T>(make: (i: number) => T): T[] =>
  Array.from({ length: INPUTS }, (_, i) => make(i));
const plates = inputs((i) => `ABC${String(1000 + i)}`);
// events 100 ms apart: the realistic stream a time floor or a pseudonym period sees
const times = inputs((i) => new Date(START + i * 100).toISOString());
const ages = inputs((i) => i % 90);
const points = inputs((i) => ({ lat: -12.0464 + i * 1e-4, lon: -77.0428 - i * 1e-4 }));
const boxes = inputs((i) => ({ x: (i % 97) / 100, y: (i % 89) / 100, w: 0.02, h: 0.05 }));
const scores = inputs((i) => (i % 100) / 100);
const periods = inputs((i) => new Date(START + i * 86_400_000).toISOString().slice(0, 10));

let sink = 0;
const consume = (out: unknown): void => {
  sink += typeof out === 'string' ? out.length : 1;
};

type Run = (i: number) => void;
function transformRun(spec: TransformSpec, values: unknown[]): Run {
  const transform = compileTransform(spec);
  return (i) => consume(transform.apply(values[i & (INPUTS - 1)], ctx));
}

const runs: Record<string, Run> = {
  // the yardstick: indexing the input array and consuming it
  loop: (i) => consume(plates[i & (INPUTS - 1)]),
  keep: transformRun('keep', plates),
  drop: transformRun('drop', plates),
  mask: transformRun({ mask: { keepLast: 3 } }, plates),
  maskAstral: transformRun(
    { mask: { keepFirst: 1 } },
    inputs((i) => `😀${plates[i]}`),
  ),
  ageBand: transformRun({ generalize: { ageBand: 10 } }, ages),
  minutes: transformRun({ generalize: { minutes: 15 } }, times),
  meters: transformRun({ generalize: { meters: 100 } }, points),
  boxGrid: transformRun({ generalize: { boxGrid: 8 } }, boxes),
  bucketSize: transformRun({ bucket: { size: 0.1 } }, scores),
  bucketEdges: transformRun({ bucket: { edges: [0.25, 0.5, 0.75, 0.9] } }, scores),
  pseudonymize: transformRun({ pseudonymize: { rotate: 'P1D' } }, plates),
  // the yardstick for pseudonyms: Node's HMAC-SHA-256 alone, on the same input
  hmacOnly: (() => {
    const key = keyring.keyFor({ purposeId: 'p', periodStart: '2026-03-14T00:00:00.000Z' });
    return (i: number) =>
      consume(
        createHmac('sha256', key)
          .update(plates[i & (INPUTS - 1)])
          .digest(),
      );
  })(),
  // one compiled transform fed two purposes in turn: its one-key memo misses, the keyring hits
  pseudonymizeTwoPurposes: (() => {
    const transform = compileTransform({ pseudonymize: { rotate: 'P1D' } });
    return (i: number) =>
      consume(transform.apply(plates[i & (INPUTS - 1)], i & 1 ? ctx : otherPurpose));
  })(),
  keyringHit: (i) => consume(keyring.keyFor({ purposeId: 'p', periodStart: times[i & 1] })),
  // 1,024 periods through a 16-entry cache: every call derives
  keyringDerive: (i) =>
    consume(
      keyring.keyFor({ purposeId: 'p', periodStart: `${periods[i & (INPUTS - 1)]}T00:00:00.000Z` }),
    ),
};

/** ns per call over one round. */
function round(run: Run, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) {
    run(i);
  }
  return Number(process.hrtime.bigint() - start) / iterations;
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

// derivation is ~100x slower than the rest: fewer calls keep a round short
const iterationsOf = (name: string): number =>
  name === 'keyringDerive' ? ITERATIONS / 20 : ITERATIONS;

// warm-up, then interleaved rounds so every case sees the same machine load
Object.entries(runs).forEach(([name, run]) => round(run, iterationsOf(name)));
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r += 1) {
  for (const [name, run] of Object.entries(runs)) {
    samples[name].push(round(run, iterationsOf(name)));
  }
}

console.log(
  JSON.stringify(
    {
      node: process.version,
      callsPerRound: ITERATIONS,
      rounds: ROUNDS,
      nanosPerOp: Object.fromEntries(
        Object.entries(samples).map(([name, s]) => [
          name,
          { median: Math.round(median(s)), min: Math.round(Math.min(...s)) },
        ]),
      ),
      sink,
    },
    null,
    2,
  ),
);
