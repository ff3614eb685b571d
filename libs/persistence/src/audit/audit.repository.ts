import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import type { AuditRecord } from '../admin.types';
import { guardQuery } from '../query-guard.util';
import { AuditRecordEntity } from './audit-record.entity';

/** The audit trail: append and read, nothing else. */
export class AuditRepository {
  private readonly records: Repository<AuditRecordEntity>;

  constructor(dataSource: DataSource) {
    this.records = dataSource.getRepository(AuditRecordEntity);
  }

  append(record: Omit<AuditRecord, 'auditId' | 'at'> & { at: Date }): Promise<AuditRecord> {
    return guardQuery('AuditRepository.append', async () => {
      const row: AuditRecordEntity = {
        ...record,
        auditId: randomUUID(),
        at: record.at.toISOString(),
      };
      await this.records.save(this.records.create(row));
      return { ...row, details: { ...row.details } };
    });
  }

  /** Oldest first; optionally one target's records only. */
  list(
    filter: { targetType?: string; targetId?: string; limit?: number } = {},
  ): Promise<AuditRecord[]> {
    return guardQuery('AuditRepository.list', async () => {
      const rows = await this.records.find({
        where: {
          ...(filter.targetType ? { targetType: filter.targetType } : {}),
          ...(filter.targetId ? { targetId: filter.targetId } : {}),
        },
        order: { at: 'ASC', auditId: 'ASC' },
        take: filter.limit ?? 1000,
      });
      return rows.map((row) => ({ ...row, details: { ...row.details } }));
    });
  }
}
