import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import { AuditRepository, type AuditRecord } from '@lib/persistence';

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
    details?: Record<string, string | number | boolean | null | string[]>;
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

  list(filter: { targetType?: string; targetId?: string; limit?: number }): Promise<AuditRecord[]> {
    return this.audit.list(filter);
  }
}
