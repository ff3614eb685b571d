import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { JsonLogger, runMain, describeConfig, type Clock } from '@lib/common';
import { GroupTransactionServer, connectKafka } from '@lib/kafka';
import { GOVERNOR_ENV, loadGovernorConfig, type GovernorConfig } from './governor.config';
import { GovernorModule } from './governor.module';
import { GovernorService } from './governor.service';
import { ReadinessService } from './readiness.service';
import type { GovernanceWorkers } from './governance/governance-workers';
import { GOVERNANCE_WORKERS } from './tokens';

export interface GovernorHandle {
  app: INestApplication;
  config: GovernorConfig;
  governor: GovernorService;
  readiness: ReadinessService;
  transport: GroupTransactionServer;
  url: string;
  /** Event-loop utilisation of each governance worker since start (none: governed inline). */
  governanceBusy(): number[];
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

  const { kafka, naming } = await connectKafka(config, logger);

  const app = await NestFactory.create(
    GovernorModule.forRoot({ config, logger, kafka, clock: args.clock }),
    {
      logger,
    },
  );
  const server = new GroupTransactionServer({
    brokers: config.brokers,
    clientId: config.clientId,
    transactionalId: config.transactionalId,
    naming,
    logger,
    groupId: config.groupId,
    maxRecordsPerTransaction: config.maxRecordsPerTransaction,
    // governance workers take a whole chunk per call: the main thread only packs and unpacks it
    sliceRecords: config.governanceWorkers > 0 ? Infinity : undefined,
    sessionTimeoutMs: config.sessionTimeoutMs,
    fetchMinBytes: config.fetchMinBytes,
    maxWaitTimeInMs: config.fetchMaxWaitMs,
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
    governanceBusy: () =>
      app.get<GovernanceWorkers | null>(GOVERNANCE_WORKERS)?.utilization() ?? [],
    close: () => app.close(),
  };
}

if (require.main === module) {
  runMain({ name: 'governor', start: () => startGovernor({ env: process.env }) });
}
