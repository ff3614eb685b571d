import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { GovernorTally } from './governor-stats';
import { GovernorService } from './governor.service';
import { PolicyHolderService, type PolicyStatus } from './policy-holder.service';
import { ReadinessService, type ReadinessReport } from './readiness.service';
import { RuntimeMonitorService, type RuntimeReport } from './runtime-monitor.service';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(ReadinessService) private readonly readiness: ReadinessService,
    @Inject(GovernorService) private readonly governor: GovernorService,
    @Inject(PolicyHolderService) private readonly policies: PolicyHolderService,
    @Inject(RuntimeMonitorService) private readonly runtime: RuntimeMonitorService,
  ) {}

  /** The process is up and its event loop answers. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when it can govern (broker joined, policy loaded), 503 otherwise. */
  @Get('ready')
  ready(@Res({ passthrough: true }) res: { status(code: number): unknown }): ReadinessReport {
    const report = this.readiness.report();
    res.status(report.ready ? 200 : 503);
    return report;
  }

  /** Committed outcome counts (no personal data: counts and reason codes only). */
  @Get('stats')
  stats(): Readonly<GovernorTally> {
    return this.governor.stats();
  }

  /** Where the time goes: event-loop delay, transport counters, governance workers' load. */
  @Get('runtime')
  runtimeReport(): RuntimeReport {
    return this.runtime.report();
  }

  /** The policy in force: id, version, hash, where it came from, and refused bundles (alarm). */
  @Get('policy')
  policy(): PolicyStatus {
    return this.policies.status();
  }
}
