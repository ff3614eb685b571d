// Jest global setup: provides a Kafka broker for the whole test run.
//
// - KAFKA_BROKERS already set (CI service, a broker from `npm run kafka`): use it as is.
// - Only the `unit` project selected (npm run test:unit): no broker needed, none started.
// - Otherwise start a local broker once; workers inherit KAFKA_BROKERS and TAMIZ_KAFKA_STATE
//   (the latter lets a reconnection test call restartBroker(process.env.TAMIZ_KAFKA_STATE)).
//
// TZ is pinned to UTC here so every worker formats dates the same way on every machine.

import { startLocalKafka } from '../scripts/local-kafka.mjs';

const PROJECTS_NEEDING_KAFKA = ['medium', 'e2e'];

export default async function globalSetup(globalConfig) {
  process.env.TZ = 'UTC';
  if (process.env.KAFKA_BROKERS || globalThis.__TAMIZ_KAFKA__) return;
  if (!needsKafka(globalConfig)) return;

  const kafka = await startLocalKafka({ keepDir: process.env.TAMIZ_KAFKA_KEEP === '1' });
  globalThis.__TAMIZ_KAFKA__ = kafka;
  process.env.KAFKA_BROKERS = kafka.brokers;
  process.env.TAMIZ_KAFKA_STATE = kafka.stateFile;
}

function needsKafka(globalConfig) {
  const selected = globalConfig?.selectProjects;
  if (!Array.isArray(selected) || selected.length === 0) return true;
  return selected.some((name) => PROJECTS_NEEDING_KAFKA.includes(name));
}
