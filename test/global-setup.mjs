// Jest global setup: provides a Kafka broker for the whole test run.
//
// - KAFKA_BROKERS already set (CI service, a broker from `npm run kafka`): use it as is.
// - TAMIZ_KAFKA=off, or only projects that need no broker selected (`--selectProjects unit`,
//   as in npm run test:unit): no broker is started.
// - Otherwise start a local broker once; workers inherit KAFKA_BROKERS and TAMIZ_KAFKA_STATE
//   (the latter lets a reconnection test call restartBroker(process.env.TAMIZ_KAFKA_STATE)).
//
// TZ is pinned to UTC here so every worker formats dates the same way on every machine.

import { startLocalKafka } from '../scripts/local-kafka.mjs';

const PROJECTS_NEEDING_KAFKA = ['medium', 'e2e'];

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  if (process.env.KAFKA_BROKERS || globalThis.__TAMIZ_KAFKA__) return;
  if (process.env.TAMIZ_KAFKA === 'off' || !selectedProjectsNeedKafka(process.argv)) return;

  const kafka = await startLocalKafka({ keepDir: process.env.TAMIZ_KAFKA_KEEP === '1' });
  globalThis.__TAMIZ_KAFKA__ = kafka;
  process.env.KAFKA_BROKERS = kafka.brokers;
  process.env.TAMIZ_KAFKA_STATE = kafka.stateFile;
}

/**
 * Jest does not pass the --selectProjects choice to global setup (globalConfig lacks it), but
 * global setup runs in the Jest CLI process, so we read the same argv Jest parsed.
 */
function selectedProjectsNeedKafka(argv) {
  const selected = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith('--selectProjects=')) selected.push(argv[i].split('=')[1]);
    else if (argv[i] === '--selectProjects') {
      while (argv[i + 1] && !argv[i + 1].startsWith('-')) selected.push(argv[(i += 1)]);
    }
  }
  return selected.length === 0 || selected.some((name) => PROJECTS_NEEDING_KAFKA.includes(name));
}
