import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { CameraRecord } from '@lib/contracts';
import { CameraRepository } from '@lib/persistence';
import { PeriodicSnapshot, type JsonLogger } from '@lib/common';
import type { GovernorConfig } from './governor.config';
import { GOVERNOR_CONFIG, LOGGER } from './tokens';

/**
 * The camera registry as an in-memory snapshot: the hot path never waits on the database.
 * It is re-read periodically; a failed refresh keeps the last good snapshot.
 */
@Injectable()
export class CameraRegistryService implements OnModuleInit, OnApplicationShutdown {
  private readonly registry: PeriodicSnapshot<ReadonlyMap<string, CameraRecord>>;

  constructor(
    @Inject(CameraRepository) repository: CameraRepository,
    @Inject(GOVERNOR_CONFIG) config: GovernorConfig,
    @Inject(LOGGER) logger: JsonLogger,
  ) {
    this.registry = new PeriodicSnapshot<ReadonlyMap<string, CameraRecord>>({
      name: 'camera registry',
      initial: new Map(),
      load: async () => new Map((await repository.findAll()).map((c) => [c.cameraId, c])),
      intervalMs: config.cameraRefreshMs,
      logger,
      describe: (cameras) => ({ cameras: cameras.size }),
    });
  }

  onModuleInit(): Promise<void> {
    return this.registry.start();
  }

  onApplicationShutdown(): void {
    this.registry.stop();
  }

  /** The registry as last read; a refresh replaces the map, it never changes one handed out. */
  snapshot(): ReadonlyMap<string, CameraRecord> {
    return this.registry.current;
  }

  get(cameraId: string): CameraRecord | null {
    return this.registry.current.get(cameraId) ?? null;
  }

  size(): number {
    return this.registry.current.size;
  }
}
