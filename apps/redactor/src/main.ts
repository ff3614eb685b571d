import { JsonLogger, runMain, describeConfig } from '@lib/common';
import { SnapshotQueue, SnapshotService, evidenceStoreFrom } from '@lib/evidence';
import { connectKafka } from '@lib/kafka';
import { AlertRedactor } from './alert-redactor';
import { REDACTOR_ENV, loadRedactorConfig } from './redactor.config';

export interface RedactorHandle {
  redactor: AlertRedactor;
  queue: SnapshotQueue;
  close(): Promise<void>;
}

/** Composition root of the snapshot redactor: alerts in, redacted images into the evidence store. */
export async function startRedactor(args: {
  env: NodeJS.ProcessEnv;
  logger?: JsonLogger;
}): Promise<RedactorHandle> {
  const config = loadRedactorConfig(args.env);
  const logger = args.logger ?? new JsonLogger({ service: 'redactor', level: config.logLevel });
  logger.event('info', 'starting redactor', describeConfig(REDACTOR_ENV, config));
  const { kafka, naming } = await connectKafka(config, logger);
  const store = evidenceStoreFrom({ config, logger });
  const queue = new SnapshotQueue({
    concurrency: config.snapshotConcurrency,
    maxBacklog: config.snapshotBacklog,
  });
  const redactor = new AlertRedactor({
    kafka,
    naming,
    groupId: config.groupId,
    store,
    snapshots: new SnapshotService(store, queue, { quality: config.snapshotQuality }),
    logger,
  });
  await redactor.start();
  logger.event('info', 'redactor started', { group: config.groupId });
  return {
    redactor,
    queue,
    close: async () => {
      await redactor.stop();
    },
  };
}

if (require.main === module) {
  runMain({ name: 'redactor', start: () => startRedactor({ env: process.env }) });
}
