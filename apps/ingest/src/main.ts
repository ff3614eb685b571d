import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Deduplicator, normalise, type AdapterFormat } from '@lib/adapters';
import { JsonLogger, runMain, describeConfig, systemClock, type Clock } from '@lib/common';
import { evidenceStoreFrom } from '@lib/evidence';
import { GroupTransactionServer, connectKafka } from '@lib/kafka';
import { CameraRepository, openDataSource } from '@lib/persistence';
import { CameraResolverService } from './camera-resolver.service';
import { INGEST_ENV, loadIngestConfig, type IngestConfig } from './ingest.config';
import { IngestModule } from './ingest.module';
import { IngressService } from './ingress.service';
import type { IngressNormaliser } from './ingress.types';
import { MqttIngress } from './mqtt-ingress';
import { RawPublisher } from './raw-publisher';

export interface IngestHandle {
  app: INestApplication;
  config: IngestConfig;
  ingress: IngressService;
  cameras: CameraResolverService;
  url: string;
  close(): Promise<void>;
}

/**
 * Composition root of the ingress: camera formats in (MQTT, HTTP, DeepStream's Kafka topic),
 * canonical events out on the raw topic, images into the evidence store, dead letters for the rest.
 */
export async function startIngest(args: {
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  logger?: JsonLogger;
}): Promise<IngestHandle> {
  const config = loadIngestConfig(args.env);
  const clock = args.clock ?? systemClock;
  const logger = args.logger ?? new JsonLogger({ service: 'ingest', level: config.logLevel });
  logger.event('info', 'starting ingest', describeConfig(INGEST_ENV, config));

  const { kafka, naming } = await connectKafka(config, logger);
  const publisher = new RawPublisher(kafka, naming);
  await publisher.connect();
  const dataSource = await openDataSource({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
  });
  const repository = new CameraRepository(dataSource);
  const cameras = new CameraResolverService({
    load: () => repository.findVendorRefs(),
    refreshMs: config.cameraRefreshMs,
    logger,
  });
  await cameras.start();
  const evidence = evidenceStoreFrom({ config, logger });
  const dedup =
    config.dedupWindowMs > 0
      ? new Deduplicator({ windowMs: config.dedupWindowMs, maxKeys: 100_000 })
      : null;
  const normaliser: IngressNormaliser = {
    normalise: (input) =>
      normalise(
        input.format as AdapterFormat,
        { channel: input.channel, payload: input.payload, parts: input.parts },
        {
          siteId: config.siteId,
          maxBytes: config.maxPayloadBytes,
          frameSize: config.frameSize,
          resolveCamera: cameras.resolve,
        },
      ),
  };
  const ingress = new IngressService({
    normaliser,
    publish: (records) => publisher.publish(records),
    evidence: {
      put: async (eventId, bytes, contentType) => {
        await evidence.put(eventId, bytes, contentType);
        return `tamiz-evidence:${eventId}`;
      },
    },
    deduplicate: (event) => dedup?.admit(event).admitted ?? true,
    clock,
    logger,
    maxPayloadBytes: config.maxPayloadBytes,
  });

  const app = await NestFactory.create(IngestModule.forRoot({ config, logger, ingress, cameras }), {
    logger,
    bodyParser: false,
  });
  if (config.deepstream) {
    app.connectMicroservice({
      strategy: new GroupTransactionServer({
        brokers: config.brokers,
        clientId: config.clientId,
        naming,
        logger,
        groupId: config.groupId,
        transactionalId: config.transactionalId,
      }),
    });
    await app.startAllMicroservices();
  }
  const mqtt = config.mqttUrl
    ? new MqttIngress({
        url: config.mqttUrl,
        topics: config.mqttTopics,
        ingress,
        logger,
        maxPayloadBytes: config.maxPayloadBytes,
        clientId: config.clientId,
      })
    : null;
  await mqtt?.start();
  await app.listen(config.httpPort, config.httpHost);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.event('info', 'ingest started', {
    url,
    mqtt: mqtt !== null,
    deepstream: config.deepstream,
    vendorCameras: cameras.stats().vendorCameras,
  });
  return {
    app,
    config,
    ingress,
    cameras,
    url,
    close: async () => {
      await mqtt?.stop();
      await app.close();
      await publisher.disconnect();
      cameras.stop();
      await dataSource.destroy();
    },
  };
}

if (require.main === module) {
  runMain({ name: 'ingest', start: () => startIngest({ env: process.env }) });
}
