import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Only the SHA-256 of a token is stored; the token itself is shown once, when it is issued.
@Entity({ name: 'api_tokens' })
@Index('idx_api_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_api_tokens_user', ['userId'])
export class ApiTokenEntity {
  @PrimaryColumn({
    name: 'token_id',
    type: 'varchar',
    length: 36,
    primaryKeyConstraintName: 'pk_api_tokens',
  })
  tokenId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  // JSON array of scopes (`read`, `write`).
  @Column({ name: 'scopes', type: 'simple-json' })
  scopes!: string[];

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt!: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 32 })
  expiresAt!: string;

  @Column({ name: 'last_used_at', type: 'varchar', length: 32, nullable: true })
  lastUsedAt!: string | null;

  @Column({ name: 'revoked_at', type: 'varchar', length: 32, nullable: true })
  revokedAt!: string | null;
}
