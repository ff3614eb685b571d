import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ConfigError, JsonLogger, describeConfig, type Clock } from '@lib/common';
import { TransactionalBatchServer, createKafka, provisionTopics } from '@lib/kafka';
import { GOVERNOR_ENV, loadGovernorConfig, type GovernorConfig } from './governor.config';
import { GovernorModule } from './governor.module';
import { GovernorService } from './governor.service';
import { ReadinessService } from './readiness.service';

export interface GovernorHandle {
  app: INestApplication;
  config: GovernorConfig;
  governor: GovernorService;
  readiness: ReadinessService;
  transport: TransactionalBatchServer;
  url: string;
  close(): Promise<void>;
}

/** Composition root: validated config → Kafka → Nest app with the transactional transport. */
export async function startGovernor(args: {
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  logger?: JsonLogger;
}): Promise<GovernorHandle> {
  const config = loadGovernorConfig(args.env);
  const logger = args.logger ?? new JsonLogger({ service: 'governor', level: config.logLevel });
  logger.event('info', 'starting governor', describeConfig(GOVERNOR_ENV, config));

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

  const app = await NestFactory.create(
    GovernorModule.forRoot({ config, logger, kafka, clock: args.clock }),
    {
      logger,
    },
  );
  const server = new TransactionalBatchServer({
    kafka,
    naming,
    logger,
    groupId: config.groupId,
    maxRecordsPerTransaction: config.maxRecordsPerTransaction,
    partitionsConsumedConcurrently: config.partitionsConcurrency,
    sessionTimeoutMs: config.sessionTimeoutMs,
  });
  app.connectMicroservice({ strategy: server });
  const readiness = app.get(ReadinessService);
  readiness.attachTransport(() => server.transportStats());
  await app.startAllMicroservices();
  await app.listen(config.httpPort, config.httpHost);
  const url = await app.getUrl();
  logger.event('info', 'governor started', { url });
  return {
    app,
    config,
    governor: app.get(GovernorService),
    readiness,
    transport: server,
    url,
    close: () => app.close(),
  };
}

async function main(): Promise<void> {
  let handle: GovernorHandle | null = null;
  const stop = (signal: string) => {
    void (async () => {
      await handle?.close();
      process.stdout.write(
        JSON.stringify({ level: 'info', msg: 'governor stopped', signal }) + '\n',
      );
      process.exit(0);
    })();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    handle = await startGovernor({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`governor failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
