#!/usr/bin/env node
// A real, Docker-free Apache Kafka broker for development and tests.
//
//   node scripts/local-kafka.mjs                 start a broker, print KAFKA_BROKERS=..., run until Ctrl-C
//   node scripts/local-kafka.mjs fetch           only download Kafka into the cache (CI warm-up)
//   node scripts/local-kafka.mjs restart <state> restart a running broker in place (same ports, same data)
//   node scripts/local-kafka.mjs stop <state>    stop a broker and delete its directory
//
// Options: --version <x.y.z> (or env TAMIZ_KAFKA_VERSION; default 3.9.1), --keep (keep the temp
// directory after stopping). Cache: $TAMIZ_KAFKA_CACHE (default ~/.cache/tamiz)/kafka-<version>.
// Needs Java 17+ and Maven (`mvn`) on PATH. Progress goes to stderr; stdout carries only the
// KAFKA_BROKERS line, so `eval "$(node scripts/local-kafka.mjs ...)"`-style use stays possible.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchKafka, restartBroker, startLocalKafka, stopBroker } from './kafka/broker.mjs';

export { DEFAULT_KAFKA_VERSION } from './kafka/cache.mjs';
export {
  fetchKafka,
  readState,
  restartBroker,
  startLocalKafka,
  stopBroker,
} from './kafka/broker.mjs';

function parseArgs(argv) {
  const options = { command: 'start', positional: [], keepDir: false, version: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--keep') options.keepDir = true;
    else if (arg === '--version') options.version = argv[++i];
    else if (arg.startsWith('--version=')) options.version = arg.slice('--version='.length);
    else if (arg === '-h' || arg === '--help') options.command = 'help';
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  if (options.positional.length > 0 && options.command !== 'help')
    options.command = options.positional.shift();
  return options;
}

/** Runs until SIGINT/SIGTERM/SIGHUP, then stops the broker before exiting. */
async function runForeground({ version, keepDir }) {
  const kafka = await startLocalKafka({ version, keepDir });
  process.stdout.write(`KAFKA_BROKERS=${kafka.brokers}\n`);
  process.stderr.write(
    `Kafka ${kafka.version} is running on ${kafka.brokers} (state file: ${kafka.stateFile}). Press Ctrl-C to stop.\n`,
  );
  const keepAlive = setInterval(() => {}, 1 << 30);
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[local-kafka] ${signal}: stopping Kafka\n`);
    try {
      await kafka.stop();
    } catch (err) {
      process.stderr.write(`[local-kafka] could not stop Kafka cleanly: ${err.message}\n`);
      process.exitCode = 1;
    } finally {
      clearInterval(keepAlive);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => void shutdown(signal));
}

async function main(argv) {
  const options = parseArgs(argv);
  switch (options.command) {
    case 'start':
      return runForeground(options);
    case 'fetch': {
      const { cacheDir } = await fetchKafka({ version: options.version });
      process.stderr.write(`[local-kafka] Kafka cached in ${cacheDir}\n`);
      return undefined;
    }
    case 'restart':
      return restartBroker(requireStateFile(options));
    case 'stop':
      return stopBroker(requireStateFile(options), { removeDir: !options.keepDir });
    case 'help':
      process.stdout.write(usage());
      return undefined;
    default:
      throw new Error(`unknown command ${options.command}\n${usage()}`);
  }
}

function requireStateFile({ positional }) {
  if (!positional[0]) throw new Error('this command needs the path of the state file');
  return positional[0];
}

function usage() {
  return 'usage: node scripts/local-kafka.mjs [start|fetch|restart <state>|stop <state>] [--version x.y.z] [--keep]\n';
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`[local-kafka] ${err.message}\n`);
    process.exitCode = 1;
  });
}
