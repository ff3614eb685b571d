import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'policy_versions' })
@Index('idx_policy_versions_policy_number', ['policyId', 'versionNumber'], { unique: true })
@Index('idx_policy_versions_state', ['state'])
export class PolicyVersionEntity {
  @PrimaryColumn({
    name: 'version_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_policy_versions',
  })
  versionId!: string;

  @Column({ name: 'policy_id', type: 'varchar', length: 128 })
  policyId!: string;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber!: number;

  @Column({ name: 'format', type: 'varchar', length: 8 })
  format!: string;

  @Column({ name: 'content', type: 'text' })
  content!: string;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'state', type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ name: 'approver_id', type: 'varchar', length: 36, nullable: true })
  approverId!: string | null;

  @Column({ name: 'rejected_by', type: 'varchar', length: 36, nullable: true })
  rejectedBy!: string | null;

  @Column({ name: 'rollback_of', type: 'varchar', length: 36, nullable: true })
  rollbackOf!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt!: string;

  @Column({ name: 'submitted_at', type: 'varchar', length: 32, nullable: true })
  submittedAt!: string | null;

  @Column({ name: 'approved_at', type: 'varchar', length: 32, nullable: true })
  approvedAt!: string | null;

  @Column({ name: 'activated_at', type: 'varchar', length: 32, nullable: true })
  activatedAt!: string | null;

  @Column({ name: 'superseded_at', type: 'varchar', length: 32, nullable: true })
  supersededAt!: string | null;

  @Column({ name: 'scheduled_activation_at', type: 'varchar', length: 32, nullable: true })
  scheduledActivationAt!: string | null;

  @Column({ name: 'row_version', type: 'integer' })
  rowVersion!: number;

  @Column({ name: 'activation_sequence', type: 'integer', nullable: true })
  activationSequence!: number | null;
}
