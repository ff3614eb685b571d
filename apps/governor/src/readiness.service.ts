import { Inject, Injectable } from '@nestjs/common';
import type { TransportStats } from '@lib/kafka';
import { CameraRegistryService } from './camera-registry.service';
import { PolicyHolderService } from './policy-holder.service';

export interface ReadinessReport {
  ready: boolean;
  checks: { broker: boolean; policy: boolean; cameras: number };
}

/** Ready means: joined the consumer group on a reachable broker, with a policy loaded. */
@Injectable()
export class ReadinessService {
  private transport: (() => Readonly<TransportStats>) | null = null;

  constructor(
    @Inject(PolicyHolderService) private readonly policies: PolicyHolderService,
    @Inject(CameraRegistryService) private readonly cameras: CameraRegistryService,
  ) {}

  attachTransport(stats: () => Readonly<TransportStats>): void {
    this.transport = stats;
  }

  transportStats(): Readonly<TransportStats> | null {
    return this.transport?.() ?? null;
  }

  report(): ReadinessReport {
    const broker = this.transportStats()?.connected ?? false;
    const policy = this.policies.isLoaded();
    return { ready: broker && policy, checks: { broker, policy, cameras: this.cameras.size() } };
  }
}
