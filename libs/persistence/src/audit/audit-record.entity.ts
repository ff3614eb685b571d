import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Append-only: the repository offers no update or delete.
@Entity({ name: 'audit_records' })
@Index('idx_audit_records_at', ['at'])
@Index('idx_audit_records_target', ['targetType', 'targetId'])
export class AuditRecordEntity {
  @PrimaryColumn({
    name: 'audit_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_audit_records',
  })
  auditId!: string;

  @Column({ name: 'at', type: 'varchar', length: 32 })
  at!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 128 })
  actorId!: string;

  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 128 })
  targetId!: string;

  // JSON object of identifiers and states only: never personal data, tokens or secrets.
  @Column({ name: 'details', type: 'simple-json' })
  details!: Record<string, unknown>;
}
