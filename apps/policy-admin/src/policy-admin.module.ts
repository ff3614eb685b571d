import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CLOCK, systemClock, type Clock, type JsonLogger } from '@lib/common';
import { createKafka } from '@lib/kafka';
import { PersistenceModule } from '@lib/persistence';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthorisationRegisterService } from './authorisations/authorisation-register.service';
import { AuthorisationUsesConsumer } from './authorisations/authorisation-uses.consumer';
import { AuthorisationsController } from './authorisations/authorisations.controller';
import { AuthorisationsService } from './authorisations/authorisations.service';
import { CamerasController } from './cameras/cameras.controller';
import { ImpactService } from './policies/impact.service';
import { CamerasService } from './cameras/cameras.service';
import { HttpErrorFilter } from './http-error.filter';
import { ActivationSchedulerService } from './policies/activation-scheduler.service';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesService } from './policies/policies.service';
import { PolicyActivationService } from './policies/policy-activation.service';
import { PolicyReconciliationService } from './policies/policy-reconciliation.service';
import { KafkaPolicyTopicReader, POLICY_TOPIC_READER } from './policies/policy-topic.repository';
import {
  KAFKA,
  KafkaPolicyPublisher,
  POLICY_PUBLISHER,
  type PolicyPublisher,
} from './policies/policy-publisher.repository';
import type { PolicyAdminConfig } from './policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from './tokens';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class PolicyAdminModule {
  static forRoot(args: {
    config: PolicyAdminConfig;
    logger: JsonLogger;
    clock?: Clock;
    /** Replaces the Kafka publisher (tests of a failing broker). */
    publisher?: PolicyPublisher;
  }): DynamicModule {
    return {
      module: PolicyAdminModule,
      imports: [
        PersistenceModule.forRoot({
          databaseUrl: args.config.databaseUrl,
          sqlitePath: args.config.sqlitePath,
        }),
      ],
      controllers: [
        PoliciesController,
        CamerasController,
        AuthorisationsController,
        UsersController,
        AuditController,
      ],
      providers: [
        { provide: ADMIN_CONFIG, useValue: args.config },
        { provide: LOGGER, useValue: args.logger },
        { provide: CLOCK, useValue: args.clock ?? systemClock },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafka({
              connection: { brokers: args.config.brokers, clientId: args.config.clientId },
              logger: args.logger,
              // A DPO waits on activation: fail within seconds and leave the old version active,
              // rather than retry for minutes behind the publish timeout.
              retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 5 },
            }),
        },
        KafkaPolicyPublisher,
        args.publisher
          ? { provide: POLICY_PUBLISHER, useValue: args.publisher }
          : { provide: POLICY_PUBLISHER, useExisting: KafkaPolicyPublisher },
        { provide: POLICY_TOPIC_READER, useClass: KafkaPolicyTopicReader },
        PolicyReconciliationService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        AuditService,
        PoliciesService,
        PolicyActivationService,
        ImpactService,
        ActivationSchedulerService,
        CamerasService,
        AuthorisationsService,
        AuthorisationRegisterService,
        AuthorisationUsesConsumer,
        UsersService,
      ],
    };
  }
}
