import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import type { BatchResult, InboundBatch } from '@lib/kafka';
import { CameraRegistryService } from './camera-registry.service';
import { governRecords, type GovernedRecords } from './governance/govern-records';
import { GovernanceWorkers } from './governance/governance-workers';
import type { GovernorConfig } from './governor.config';
import { addTally, emptyTally, type GovernorTally } from './governor-stats';
import { PolicyHolderService } from './policy-holder.service';
import { GOVERNANCE_WORKERS, GOVERNOR_CONFIG } from './tokens';

/**
 * The governor's handling of one partition batch: the policy and camera registry in force are
 * taken once, then every record becomes exactly one decision (plus its alerts) or exactly one
 * dead letter (see `governRecords`), on a governance worker thread when there are any. It
 * performs no Kafka IO: the transport commits the returned records and the input offsets together.
 */
@Injectable()
export class GovernorService {
  private readonly totals: GovernorTally = emptyTally();

  constructor(
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CameraRegistryService) private readonly cameras: CameraRegistryService,
    @Inject(PolicyHolderService) private readonly policies: PolicyHolderService,
    @Optional()
    @Inject(GOVERNANCE_WORKERS)
    private readonly workers: GovernanceWorkers | null = null,
  ) {}

  govern(batch: InboundBatch): BatchResult | Promise<BatchResult> {
    const policy = this.policies.inForce();
    const cameras = this.cameras.snapshot();
    const receivedAt = this.clock.now();
    if (this.workers) {
      return this.workers
        .govern(batch, { policy, cameras, receivedAt })
        .then((governed) => this.result(governed));
    }
    return this.result(
      governRecords(
        {
          policy: policy.evaluator,
          camera: (id) => cameras.get(id) ?? null,
          maxEventBytes: this.config.maxEventBytes,
          receivedAt,
        },
        batch.records,
      ),
    );
  }

  stats(): Readonly<GovernorTally> {
    return this.totals;
  }

  private result({ records, tally }: GovernedRecords): BatchResult {
    return { records, onCommit: () => addTally(this.totals, tally) };
  }
}
