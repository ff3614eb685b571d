import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock, type Clock, type JsonLogger } from '@lib/common';
import { PersistenceModule } from '@lib/persistence';
import { CameraRegistryService } from './camera-registry.service';
import { DetectionsConsumer } from './detections.consumer';
import type { GovernorConfig } from './governor.config';
import { GovernorService } from './governor.service';
import { HealthController } from './health.controller';
import { PolicyHolderService } from './policy-holder.service';
import { ReadinessService } from './readiness.service';
import { GOVERNOR_CONFIG, LOGGER } from './tokens';

@Module({})
export class GovernorModule {
  static forRoot(args: {
    config: GovernorConfig;
    logger: JsonLogger;
    clock?: Clock;
  }): DynamicModule {
    return {
      module: GovernorModule,
      imports: [
        PersistenceModule.forRoot({
          databaseUrl: args.config.databaseUrl,
          sqlitePath: args.config.sqlitePath,
        }),
      ],
      controllers: [DetectionsConsumer, HealthController],
      providers: [
        { provide: GOVERNOR_CONFIG, useValue: args.config },
        { provide: LOGGER, useValue: args.logger },
        { provide: CLOCK, useValue: args.clock ?? systemClock },
        CameraRegistryService,
        PolicyHolderService,
        GovernorService,
        ReadinessService,
      ],
      exports: [GovernorService, ReadinessService],
    };
  }
}
