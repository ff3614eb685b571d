import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import { AuditRepository, type AuditRecord, type PolicyVersion } from '@lib/persistence';

type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** Every lifecycle step, camera change, authorisation and login goes through here. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `details` carries ids, states and counts only: never personal data, tokens or secrets. */
  record(args: {
    actorId: string;
    action: string;
    target: { type: string; id: string };
    details?: AuditDetails;
  }): Promise<AuditRecord> {
    return this.audit.append({
      actorId: args.actorId,
      action: args.action,
      targetType: args.target.type,
      targetId: args.target.id,
      details: args.details ?? {},
      at: this.clock.now(),
    });
  }

  /** A step of a policy version: its id, policy, number and state, and what the step adds. */
  recordVersion(args: {
    actorId: string;
    action: string;
    version: PolicyVersion;
    details?: AuditDetails;
  }): Promise<AuditRecord> {
    const { version } = args;
    return this.record({
      actorId: args.actorId,
      action: args.action,
      target: { type: 'policy_version', id: version.versionId },
      details: {
        policyId: version.policyId,
        versionNumber: version.versionNumber,
        state: version.state,
        ...args.details,
      },
    });
  }

  list(filter: { targetType?: string; targetId?: string; limit?: number }): Promise<AuditRecord[]> {
    return this.audit.list(filter);
  }
}
