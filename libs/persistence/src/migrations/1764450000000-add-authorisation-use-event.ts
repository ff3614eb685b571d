import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Uses of an authorisation recorded from the governors' decisions name the event they allowed.
 * One use per (authorisation, event): policy-admin reads the decisions topic at least once, and
 * the unique index turns a re-read into no change. Manual uses have no event id (NULL), and both
 * drivers let NULLs repeat under a unique index.
 */
export class AddAuthorisationUseEvent1764450000000 implements MigrationInterface {
  name = 'AddAuthorisationUseEvent1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'authorisation_uses',
      new TableColumn({ name: 'event_id', type: 'varchar', length: '128', isNullable: true }),
    );
    await queryRunner.createIndex(
      'authorisation_uses',
      new TableIndex({
        name: 'uq_authorisation_uses_event',
        columnNames: ['authorisation_id', 'event_id'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('authorisation_uses', 'uq_authorisation_uses_event');
    await queryRunner.dropColumn('authorisation_uses', 'event_id');
  }
}
