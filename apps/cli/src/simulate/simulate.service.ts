import { JsonLogger } from '@lib/common';
import type { CameraRecord } from '@lib/contracts';
import { createKafka } from '@lib/kafka';
import { EXIT_FAILURE, EXIT_OK, type CliOutput } from '../cli-output';
import { CameraSimulator, type SimulateTally } from './camera-simulator';
import type { SimulateArgs } from './simulate-args.util';

/** Simulated cameras across two districts; a real deployment registers its own. */
export function simulatedCameras(count: number): CameraRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const district = i % 2 === 0 ? 'San Isidro' : 'Miraflores';
    return {
      cameraId: `cam-sim-${String(i + 1).padStart(3, '0')}`,
      name: `Cámara simulada ${i + 1}`,
      district,
      siteId: district === 'San Isidro' ? 'si-sim' : 'mf-sim',
      zoneType: ['via-publica', 'parque', 'mercado'][i % 3],
      allowedPurposes: [],
    };
  });
}

function line(t: SimulateTally): string {
  return `enviados/sent mqtt ${t.sent.mqtt} · http ${t.sent.http} · kafka ${t.sent.kafka} | fallidos/failed ${t.failed.mqtt + t.failed.http + t.failed.kafka} | sin transporte/skipped ${t.skipped} | rotos a propósito/malformed ${t.malformed} | imágenes/snapshots ${t.snapshots}`;
}

/** `tamiz simulate`: runs until --count or Ctrl-C, printing a line every 5 s and at the end. */
export async function runSimulate(args: {
  options: SimulateArgs;
  env: NodeJS.ProcessEnv;
  output: CliOutput;
}): Promise<number> {
  const { options, output } = args;
  const brokers = args.env.KAFKA_BROKERS;
  if (options.kafka && !brokers) {
    output.err(
      'KAFKA_BROKERS es obligatorio para DeepStream (o --kafka no) / KAFKA_BROKERS is required for DeepStream (or --kafka no)',
    );
    return EXIT_FAILURE;
  }
  const logger = new JsonLogger({ service: 'simulate', level: 'error' });
  const simulator = new CameraSimulator(
    {
      cameras: simulatedCameras(options.cameras),
      rate: options.rate,
      count: options.count,
      seed: options.seed,
      formats: options.formats,
      snapshotShare: options.snapshotShare,
      malformedShare: options.malformedShare,
      mqttUrl: options.mqttUrl,
      ingestUrl: options.ingestUrl,
      kafka:
        options.kafka && brokers
          ? createKafka({
              connection: { brokers: brokers.split(','), clientId: 'tamiz-simulate' },
              logger,
            })
          : null,
      topicPrefix: args.env.TAMIZ_TOPIC_PREFIX ?? 'tamiz.',
    },
    new Date(),
  );
  const onSignal = () => simulator.stop();
  process.once('SIGINT', onSignal);
  try {
    await simulator.connect();
    let last = performance.now();
    const tally = await simulator.run((t) => {
      if (performance.now() - last >= 5_000) {
        last = performance.now();
        output.out(line(t));
      }
    });
    output.out(line(tally));
    const failed = tally.failed.mqtt + tally.failed.http + tally.failed.kafka;
    return failed > 0 ? EXIT_FAILURE : EXIT_OK;
  } catch (error) {
    output.err(`simulación detenida / simulation stopped: ${(error as Error).message}`);
    return EXIT_FAILURE;
  } finally {
    process.removeListener('SIGINT', onSignal);
    await simulator.close();
  }
}
