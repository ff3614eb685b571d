import { Column, Entity, PrimaryColumn } from 'typeorm';

// Times in the admin tables are RFC 3339 UTC strings (`toISOString()`, fixed width): the same
// text on SQLite and PostgreSQL, ordered correctly as text, and free of driver time-zone rules.
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_users',
  })
  userId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ name: 'role', type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'disabled', type: 'boolean' })
  disabled!: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;
}
