import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessRepository } from './access/access.repository';
import { AuditRepository } from './audit/audit.repository';
import { AuthorisationRepository } from './authorisation/authorisation.repository';
import { CameraAdminRepository } from './camera/camera-admin.repository';
import { CameraRepository } from './camera/camera.repository';
import { PolicyVersionRepository } from './policy-version/policy-version.repository';
import { openDataSource } from './data-source.factory';
import type { PersistenceOptions } from './data-source-options.util';

// Private token: apps reach the database only through the exported repositories.
const DATA_SOURCE = Symbol('PersistenceDataSource');

const REPOSITORIES = [
  CameraRepository,
  CameraAdminRepository,
  AccessRepository,
  PolicyVersionRepository,
  AuthorisationRepository,
  AuditRepository,
];

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  // The last shutdown hook, after consumers and servers have stopped using the database.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
  }
}

/**
 * Opens the database (and migrates it) while the app boots and closes it on shutdown. Repositories
 * are plain classes, built here from the DataSource so they stay usable outside Nest.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DATA_SOURCE, useFactory: () => openDataSource(options) },
        DataSourceCloser,
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (dataSource: DataSource) => new repository(dataSource),
          inject: [DATA_SOURCE],
        })),
      ],
      exports: REPOSITORIES,
    };
  }
}
