import { ConfigError, JsonLogger, describeConfig } from '@lib/common';
import { EvidenceStore, SnapshotQueue, SnapshotService } from '@lib/evidence';
import { createKafka, provisionTopics } from '@lib/kafka';
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
  const kafka = createKafka({
    connection: { brokers: config.brokers, clientId: config.clientId },
    logger,
  });
  const naming = { prefix: config.topicPrefix, rawTopic: config.rawTopic };
  const admin = kafka.admin();
  await admin.connect();
  try {
    await provisionTopics({ admin, naming });
  } finally {
    await admin.disconnect();
  }
  const store = new EvidenceStore({ root: config.evidenceDir });
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
  startRedactor({ env: process.env }).then(
    (handle) => {
      const stop = () => void handle.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(78);
      }
      process.stderr.write(`redactor failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
