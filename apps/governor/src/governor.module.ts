import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { CLOCK, systemClock, type Clock, type JsonLogger } from '@lib/common';
import { PersistenceModule } from '@lib/persistence';
import { CameraRegistryService } from './camera-registry.service';
import { DetectionsConsumer } from './detections.consumer';
import type { GovernorConfig } from './governor.config';
import { GovernanceWorkers } from './governance/governance-workers';
import { GovernorService } from './governor.service';
import { HealthController } from './health.controller';
import { PolicyFeedService } from './policy-feed.service';
import { PolicyHolderService } from './policy-holder.service';
import { ReadinessService } from './readiness.service';
import { RuntimeMonitorService } from './runtime-monitor.service';
import { GOVERNANCE_WORKERS, GOVERNOR_CONFIG, KAFKA, LOGGER } from './tokens';

@Module({})
export class GovernorModule {
  static forRoot(args: {
    config: GovernorConfig;
    logger: JsonLogger;
    kafka: Kafka;
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
        { provide: KAFKA, useValue: args.kafka },
        {
          provide: GOVERNANCE_WORKERS,
          useFactory: () =>
            args.config.governanceWorkers > 0
              ? new GovernanceWorkers({
                  count: args.config.governanceWorkers,
                  data: {
                    maxEventBytes: args.config.maxEventBytes,
                    pseudonymSecret: args.config.pseudonymSecret,
                  },
                  logger: args.logger,
                })
              : null,
        },
        CameraRegistryService,
        PolicyHolderService,
        PolicyFeedService,
        GovernorService,
        ReadinessService,
        RuntimeMonitorService,
      ],
      exports: [GovernorService, ReadinessService, PolicyHolderService],
    };
  }
}
