import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'authorisations' })
export class AuthorisationEntity {
  @PrimaryColumn({
    name: 'authorisation_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_authorisations',
  })
  authorisationId!: string;

  @Column({ name: 'issuer', type: 'varchar', length: 200 })
  issuer!: string;

  @Column({ name: 'case_ref', type: 'varchar', length: 200 })
  caseRef!: string;

  @Column({ name: 'purposes', type: 'simple-json' })
  purposes!: string[];

  @Column({ name: 'scope_watchlists', type: 'simple-json', nullable: true })
  scopeWatchlists!: string[] | null;

  @Column({ name: 'scope_cameras', type: 'simple-json', nullable: true })
  scopeCameras!: string[] | null;

  @Column({ name: 'valid_from', type: 'varchar', length: 32 })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'varchar', length: 32 })
  validUntil!: string;

  @Column({ name: 'registered_by', type: 'varchar', length: 36 })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 32 })
  registeredAt!: string;

  @Column({ name: 'revoked_at', type: 'varchar', length: 32, nullable: true })
  revokedAt!: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy!: string | null;
}
