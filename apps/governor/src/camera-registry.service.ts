import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { CameraRecord } from '@lib/contracts';
import { CameraRepository } from '@lib/persistence';
import type { JsonLogger } from '@lib/common';
import type { GovernorConfig } from './governor.config';
import { GOVERNOR_CONFIG, LOGGER } from './tokens';

/**
 * The camera registry as an in-memory snapshot: the hot path never waits on the database.
 * It is re-read periodically; a failed refresh keeps the last good snapshot.
 */
@Injectable()
export class CameraRegistryService implements OnModuleInit, OnApplicationShutdown {
  private cameras = new Map<string, CameraRecord>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(CameraRepository) private readonly repository: CameraRepository,
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.config.cameraRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  /** The registry as last read; a refresh replaces the map, it never changes one handed out. */
  snapshot(): ReadonlyMap<string, CameraRecord> {
    return this.cameras;
  }

  get(cameraId: string): CameraRecord | null {
    return this.cameras.get(cameraId) ?? null;
  }

  size(): number {
    return this.cameras.size;
  }

  async refresh(): Promise<void> {
    try {
      const all = await this.repository.findAll();
      this.cameras = new Map(all.map((c) => [c.cameraId, c]));
      this.logger.event('debug', 'camera registry refreshed', { cameras: all.length });
    } catch (error) {
      this.logger.event('error', 'camera registry refresh failed; keeping the last snapshot', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
