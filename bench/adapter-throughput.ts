/**
 * Adapter throughput, shared by bench:adapters and bench:redaction: the valid golden fixtures of
 * each camera format, normalised over and over for a budget of CPU time per format.
 */
import { join } from 'node:path';
import { ADAPTER_FORMATS, AdapterFormat, Deduplicator, normalise } from '@lib/adapters';
import { fixtureCases, fixtureOptions } from '../libs/adapters/test/fixture-cases';
import { round } from './bench-support';

export interface AdapterBenchFigure {
  format: AdapterFormat;
  /** Fixture messages in the rotation, and the events they yield per pass. */
  messages: number;
  eventsPerPass: number;
  messagesPerSec: number;
  eventsPerSec: number;
  microsPerMessage: number;
}

export interface AdapterBenchReport {
  node: string;
  secondsPerFormat: number;
  formats: AdapterBenchFigure[];
  dedupEventsPerSec: number;
}

// npm scripts run from the repository root; the fixtures are not copied into dist
const FIXTURES = join(process.cwd(), 'libs', 'adapters', 'test', 'fixtures');

function cpuMicros(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function benchFormat(format: AdapterFormat, seconds: number): AdapterBenchFigure {
  const options = fixtureOptions(format, FIXTURES);
  const inputs = fixtureCases(format, 'valid', FIXTURES).map((kase) => kase.input);
  const eventsPerPass = inputs.reduce((sum, input) => {
    const result = normalise(format, input, options);
    if (!result.ok) {
      throw new Error(`fixture of ${format} does not normalise: ${result.issues[0].message}`);
    }
    return sum + result.items.length;
  }, 0);
  // warm-up, so the JIT has compiled the adapter before the clock runs
  for (let i = 0; i < 2_000; i += 1) {
    normalise(format, inputs[i % inputs.length], options);
  }
  let messages = 0;
  let events = 0;
  const start = process.cpuUsage();
  const budget = seconds * 1e6;
  while (cpuMicros(start) < budget) {
    for (let i = 0; i < 500; i += 1) {
      const result = normalise(format, inputs[messages % inputs.length], options);
      messages += 1;
      events += result.ok ? result.items.length : 0;
    }
  }
  const elapsed = cpuMicros(start) / 1e6;
  return {
    format,
    messages: inputs.length,
    eventsPerPass,
    messagesPerSec: Math.round(messages / elapsed),
    eventsPerSec: Math.round(events / elapsed),
    microsPerMessage: round((elapsed * 1e6) / messages, 2),
  };
}

function benchDedup(seconds: number): number {
  const options = fixtureOptions(AdapterFormat.Frigate, FIXTURES);
  const events = fixtureCases(AdapterFormat.Frigate, 'valid', FIXTURES).flatMap((kase) => {
    const result = normalise(AdapterFormat.Frigate, kase.input, options);
    return result.ok ? result.items.map((item) => item.event) : [];
  });
  const dedup = new Deduplicator({ windowMs: 5_000, maxKeys: 10_000 });
  let admitted = 0;
  let count = 0;
  const start = process.cpuUsage();
  while (cpuMicros(start) < seconds * 1e6) {
    for (let i = 0; i < 1_000; i += 1) {
      admitted += dedup.admit(events[count % events.length]).admitted ? 1 : 0;
      count += 1;
    }
  }
  return admitted > 0 ? Math.round(count / (cpuMicros(start) / 1e6)) : 0;
}

/** Events/s of every adapter format over its golden fixtures, `seconds` of CPU time each. */
export function benchAdapterFormats(seconds: number): AdapterBenchFigure[] {
  return ADAPTER_FORMATS.map((format) => benchFormat(format, seconds));
}

/** Every adapter format, then the deduplicator. */
export function benchAdapters(options: { secondsPerFormat?: number } = {}): AdapterBenchReport {
  const seconds = options.secondsPerFormat ?? 2;
  return {
    node: process.version,
    secondsPerFormat: seconds,
    formats: benchAdapterFormats(seconds),
    dedupEventsPerSec: benchDedup(Math.min(seconds, 1)),
  };
}

/** format → events/s, for a summary line. */
export function adapterEventsPerSec(
  formats: readonly AdapterBenchFigure[],
): Record<AdapterFormat, number> {
  return Object.fromEntries(formats.map((f) => [f.format, f.eventsPerSec])) as Record<
    AdapterFormat,
    number
  >;
}
