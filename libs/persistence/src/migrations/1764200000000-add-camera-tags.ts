import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Camera tags, matched by policy camera selectors (`cameras.tags`). JSON text; null = none. */
export class AddCameraTags1764200000000 implements MigrationInterface {
  name = 'AddCameraTags1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'cameras',
      new TableColumn({ name: 'tags', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cameras', 'tags');
  }
}
