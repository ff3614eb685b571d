import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { JsonLogger, runMain, describeConfig, type Clock } from '@lib/common';
import { PolicyActivationService } from './policies/policy-activation.service';
import type { PolicyPublisher } from './policies/policy-publisher.repository';
import {
  POLICY_ADMIN_ENV,
  loadPolicyAdminConfig,
  type PolicyAdminConfig,
} from './policy-admin.config';
import { PolicyAdminModule } from './policy-admin.module';

export interface PolicyAdminHandle {
  app: NestExpressApplication;
  config: PolicyAdminConfig;
  activation: PolicyActivationService;
  url: string;
  close(): Promise<void>;
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** Composition root: validated config → Nest HTTP app with OpenAPI docs at /docs. */
export async function startPolicyAdmin(args: {
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  logger?: JsonLogger;
  publisher?: PolicyPublisher;
}): Promise<PolicyAdminHandle> {
  const config = loadPolicyAdminConfig(args.env);
  const logger = args.logger ?? new JsonLogger({ service: 'policy-admin', level: config.logLevel });
  logger.event('info', 'starting policy-admin', describeConfig(POLICY_ADMIN_ENV, config));

  const app = await NestFactory.create<NestExpressApplication>(
    PolicyAdminModule.forRoot({ config, logger, clock: args.clock, publisher: args.publisher }),
    // An explicit adapter: Nest's default loads it with a dynamic import(), which Jest's loader
    // cannot run in-process.
    new ExpressAdapter(),
    { logger, bodyParser: false },
  );
  // One size limit for every body type; larger bodies get 413 before any handler runs.
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.useBodyParser('text', { limit: config.maxBodyBytes, type: [...YAML_TYPES, 'text/csv'] });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tamiz policy-admin')
      .setDescription(
        'Versiones de política con aprobación de cuatro ojos, cámaras, autorizaciones y auditoría. ' +
          'Policy versions with four-eyes approval, cameras, authorisations and audit.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  await app.listen(config.httpPort, config.httpHost);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.event('info', 'policy-admin started', { url });
  return {
    app,
    config,
    activation: app.get(PolicyActivationService),
    url,
    close: () => app.close(),
  };
}

if (require.main === module) {
  runMain({ name: 'policy-admin', start: () => startPolicyAdmin({ env: process.env }) });
}
