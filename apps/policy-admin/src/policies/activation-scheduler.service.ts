import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { JsonLogger } from '@lib/common';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { PolicyActivationService } from './policy-activation.service';

/** Checks for due scheduled activations at a fixed interval; time itself comes from the Clock. */
@Injectable()
export class ActivationSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly activation: PolicyActivationService,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.schedulerIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.activation.activateDue();
    } catch (error) {
      this.logger.event('warn', 'activation scheduler tick failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    } finally {
      this.running = false;
    }
  }
}
