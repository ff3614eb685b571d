import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'authorisation_uses' })
@Index('idx_authorisation_uses_authorisation', ['authorisationId'])
@Index('uq_authorisation_uses_event', ['authorisationId', 'eventId'], { unique: true })
export class AuthorisationUseEntity {
  @PrimaryColumn({
    name: 'use_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_authorisation_uses',
  })
  useId!: string;

  @Column({ name: 'authorisation_id', type: 'varchar', length: 36 })
  authorisationId!: string;

  @Column({ name: 'used_at', type: 'varchar', length: 32 })
  usedAt!: string;

  // Who used it: a user id or a service name such as `governor`.
  @Column({ name: 'used_by', type: 'varchar', length: 128 })
  usedBy!: string;

  @Column({ name: 'camera_id', type: 'varchar', length: 128, nullable: true })
  cameraId!: string | null;

  // A reference (event id, search id), never personal data.
  @Column({ name: 'reference', type: 'varchar', length: 200, nullable: true })
  reference!: string | null;

  // The event a governor forwarded under the authorisation; null for a use recorded by hand.
  @Column({ name: 'event_id', type: 'varchar', length: 128, nullable: true })
  eventId!: string | null;
}
