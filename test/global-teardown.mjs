// Jest global teardown: stops the broker that global-setup started (none if KAFKA_BROKERS was
// supplied from outside) and deletes its temp directory unless TAMIZ_KAFKA_KEEP=1.
// Runs in the same process as global-setup, hence the handle on globalThis.

export default async function globalTeardown() {
  const kafka = globalThis.__TAMIZ_KAFKA__;
  if (!kafka) return;
  delete globalThis.__TAMIZ_KAFKA__;
  await kafka.stop();
  delete process.env.KAFKA_BROKERS;
  delete process.env.TAMIZ_KAFKA_STATE;
}
