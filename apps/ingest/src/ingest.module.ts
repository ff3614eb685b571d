import { Module, type DynamicModule } from '@nestjs/common';
import type { JsonLogger } from '@lib/common';
import type { CameraResolverService } from './camera-resolver.service';
import { DeepstreamConsumer } from './deepstream.consumer';
import { HikvisionController } from './hikvision.controller';
import type { IngestConfig } from './ingest.config';
import { IngestHealthController } from './ingest-health.controller';
import type { IngressService } from './ingress.service';
import { CAMERAS, INGEST_CONFIG, INGRESS, LOGGER } from './tokens';

@Module({})
export class IngestModule {
  static forRoot(args: {
    config: IngestConfig;
    logger: JsonLogger;
    ingress: IngressService;
    cameras: CameraResolverService;
  }): DynamicModule {
    return {
      module: IngestModule,
      controllers: [
        HikvisionController,
        IngestHealthController,
        ...(args.config.deepstream ? [DeepstreamConsumer] : []),
      ],
      providers: [
        { provide: INGEST_CONFIG, useValue: args.config },
        { provide: LOGGER, useValue: args.logger },
        { provide: INGRESS, useValue: args.ingress },
        { provide: CAMERAS, useValue: args.cameras },
      ],
    };
  }
}
