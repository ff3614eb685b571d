/**
 * Adapter throughput per camera format: the valid golden fixtures of each format, normalised
 * over and over for a couple of seconds of CPU time. Run: npm run bench:adapters (builds first).
 * Prints one JSON line per format, then a summary line.
 */
import { adapterEventsPerSec, benchAdapters } from './adapter-throughput';

const report = benchAdapters();
for (const figure of report.formats) {
  process.stdout.write(`${JSON.stringify({ bench: 'adapters', ...figure })}\n`);
}
process.stdout.write(
  `${JSON.stringify({ bench: 'adapters', eventsPerSec: adapterEventsPerSec(report.formats), dedupEventsPerSec: report.dedupEventsPerSec, node: report.node })}\n`,
);
