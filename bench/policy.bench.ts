/**
 * Policy engine v2, one thread: 100,000 synthetic events through the Peruvian template
 * (policies/pe-municipal.policy.yaml) — evaluation, field transforms, and canonical serialisation
 * of the decision and every alert. Parsing the raw message is excluded (events are built first).
 * Per-event time is measured with process.hrtime on batches of 100 events.
 * Run: npm run bench:policy. The last line is JSON: {"bench":"policy",…}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraRecord, DetectionData } from '@lib/contracts';
import {
  compilePolicy,
  parsePolicyText,
  serializeAlert,
  serializeDecision,
  type PolicyDocumentV2,
} from '@lib/policy';
import { hkdfKeyring } from '@lib/redaction';
import { percentile, round } from './bench-support';
import { syntheticBatches, syntheticCameras } from './policy-bench-events';

const EVENTS = 100_000;
const BATCH = 100;
const TEMPLATE = 'policies/pe-municipal.policy.yaml';

// run from the repository root (npm scripts do)
const doc = parsePolicyText(readFileSync(join(process.cwd(), TEMPLATE), 'utf8'), 'yaml');
const purposes = (doc as PolicyDocumentV2).purposes;
// a fixed bench secret: the pseudonyms computed are those of no deployment
const policy = compilePolicy(doc, { keyring: hkdfKeyring(Buffer.alloc(32, 42)) });
const cameras = syntheticCameras(purposes);
const byId = new Map<string, CameraRecord>(cameras.map((c) => [c.cameraId, c]));

let sink = 0;
let forwarded = 0;
let alerts = 0;

function processEvent(event: DetectionData): void {
  const { decision, alerts: out } = policy.evaluate({
    event,
    camera: byId.get(event.cameraId) ?? null,
  });
  let size = serializeDecision(decision).length;
  for (const alert of out) {
    size += serializeAlert(alert).length;
  }
  sink += size;
  if (decision.verdict === 'forward') {
    forwarded += 1;
    alerts += out.length;
  }
}

/**
 * µs per event of each batch, and the time of all batches: building a batch (the synthetic
 * generator and JSON.parse) is not timed, as parsing the raw message is the contracts' cost.
 */
function pass(): { perEvent: number[]; totalNs: bigint; cpuUs: number } {
  const perEvent: number[] = [];
  let totalNs = 0n;
  let cpuUs = 0;
  for (const batch of syntheticBatches({ count: EVENTS, batch: BATCH, cameras, purposes })) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const event of batch) {
      processEvent(event);
    }
    const elapsed = process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
    totalNs += elapsed;
    perEvent.push(Number(elapsed) / 1000 / batch.length);
  }
  return { perEvent, totalNs, cpuUs };
}

// warm-up pass (JIT, pseudonym keys, zone offsets), then the measured pass
pass();
sink = 0;
forwarded = 0;
alerts = 0;
const { perEvent, totalNs, cpuUs } = pass();
const sorted = [...perEvent].sort((a, b) => a - b);
const median = percentile(sorted, 50);
const p99 = percentile(sorted, 99);
const eventsPerSec = (EVENTS * 1e9) / Number(totalNs);

console.log(`node ${process.version}, policy ${TEMPLATE} (${purposes.length} purposes)`);
console.log(
  `events ${EVENTS}, forwarded ${forwarded}, alerts ${alerts}, ` +
    `serialised ${(sink / EVENTS).toFixed(0)} B/event`,
);
console.log(`µs/event: median ${median.toFixed(2)}, p99 ${p99.toFixed(2)} (batches of ${BATCH})`);
console.log(`events/s: ${Math.round(eventsPerSec)}`);
// CPU time shows how much of the wall time other processes on the machine took
console.log(`CPU µs/event (mean, this process): ${(cpuUs / EVENTS).toFixed(2)}`);
console.log(
  JSON.stringify({
    bench: 'policy',
    usPerEventMedian: round(median, 2),
    usPerEventP99: round(p99, 2),
    eventsPerSec: Math.round(eventsPerSec),
  }),
);
