import {
  Table,
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';

const id = (name: string, pk: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
  primaryKeyConstraintName: pk,
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
// RFC 3339 UTC text (see user.entity.ts): identical on both drivers.
const time = (name: string, isNullable = false): TableColumnOptions => str(name, 32, isNullable);
const text = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable,
});
const int = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable,
});

/**
 * Policy administration (issue 5): users and API tokens, policy versions, authorisations and
 * their uses, the audit trail; the camera registry gains retirement, data-bank registration,
 * vendor format and a row version. Written with the Table API so it serves both drivers.
 */
export class CreatePolicyAdmin1764300000000 implements MigrationInterface {
  name = 'CreatePolicyAdmin1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A literal SQL default: SQLite stores booleans as 0/1 and reads `false` back as text.
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.addColumns('cameras', [
      new TableColumn({ name: 'retired', type: 'boolean', default: isPostgres ? 'false' : '0' }),
      new TableColumn(str('data_bank_registration_id', 128, true)),
      new TableColumn(str('vendor_format', 64, true)),
      new TableColumn({ name: 'row_version', type: 'integer', default: 1 }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id('user_id', 'pk_users'),
          str('display_name', 200),
          str('role', 16),
          { name: 'disabled', type: 'boolean' },
          time('created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id('token_id', 'pk_api_tokens'),
          str('user_id', 36),
          str('token_hash', 64),
          text('scopes'),
          time('created_at'),
          time('expires_at'),
          time('last_used_at', true),
          time('revoked_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'idx_api_tokens_hash',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_api_tokens_user', columnNames: ['user_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'policy_versions',
        columns: [
          id('version_id', 'pk_policy_versions'),
          str('policy_id', 128),
          int('version_number'),
          str('format', 8),
          text('content'),
          str('content_hash', 64),
          str('state', 16),
          str('author_id', 36),
          str('approver_id', 36, true),
          str('rejected_by', 36, true),
          str('rollback_of', 36, true),
          time('created_at'),
          time('updated_at'),
          time('submitted_at', true),
          time('approved_at', true),
          time('activated_at', true),
          time('superseded_at', true),
          time('scheduled_activation_at', true),
          int('row_version'),
          int('activation_sequence', true),
        ],
        indices: [
          new TableIndex({
            name: 'idx_policy_versions_policy_number',
            columnNames: ['policy_id', 'version_number'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_policy_versions_state', columnNames: ['state'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'authorisations',
        columns: [
          id('authorisation_id', 'pk_authorisations'),
          str('issuer', 200),
          str('case_ref', 200),
          text('purposes'),
          text('scope_watchlists', true),
          text('scope_cameras', true),
          time('valid_from'),
          time('valid_until'),
          str('registered_by', 36),
          time('registered_at'),
          time('revoked_at', true),
          str('revoked_by', 36, true),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'authorisation_uses',
        columns: [
          id('use_id', 'pk_authorisation_uses'),
          str('authorisation_id', 36),
          time('used_at'),
          str('used_by', 128),
          str('camera_id', 128, true),
          str('reference', 200, true),
        ],
        indices: [
          new TableIndex({
            name: 'idx_authorisation_uses_authorisation',
            columnNames: ['authorisation_id'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_records',
        columns: [
          id('audit_id', 'pk_audit_records'),
          time('at'),
          str('actor_id', 128),
          str('action', 64),
          str('target_type', 32),
          str('target_id', 128),
          text('details'),
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_records_at', columnNames: ['at'] }),
          new TableIndex({
            name: 'idx_audit_records_target',
            columnNames: ['target_type', 'target_id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_records',
      'authorisation_uses',
      'authorisations',
      'policy_versions',
      'api_tokens',
      'users',
    ]) {
      await queryRunner.dropTable(table, false, true, true);
    }
    for (const column of ['row_version', 'vendor_format', 'data_bank_registration_id', 'retired']) {
      await queryRunner.dropColumn('cameras', column);
    }
  }
}
