import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The camera registry. Written with TypeORM's Table API so one migration serves SQLite and
 * PostgreSQL; only the timestamp columns differ by driver. A committed migration is history:
 * never edit it once released, add the next one instead.
 */
export class CreateCameraRegistry1764100000000 implements MigrationInterface {
  // Explicit, because TypeORM otherwise takes the class name, which minifiers may rename.
  name = 'CreateCameraRegistry1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Literal types and defaults rather than the driver's current mapping, so a TypeORM upgrade
    // cannot change what this migration creates.
    const timestamp =
      queryRunner.connection.driver.options.type === 'postgres'
        ? { type: 'timestamp', default: 'now()' }
        : { type: 'datetime', default: "datetime('now')" };

    await queryRunner.createTable(
      new Table({
        name: 'cameras',
        columns: [
          {
            name: 'camera_id',
            type: 'varchar',
            length: '128',
            isPrimary: true,
            primaryKeyConstraintName: 'pk_cameras',
          },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'district', type: 'varchar', length: '128' },
          { name: 'site_id', type: 'varchar', length: '128' },
          { name: 'zone_type', type: 'varchar', length: '64' },
          { name: 'allowed_purposes', type: 'text' },
          { name: 'geo_lat', type: 'double precision', isNullable: true },
          { name: 'geo_lon', type: 'double precision', isNullable: true },
          { name: 'signage_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'created_at', ...timestamp },
          { name: 'updated_at', ...timestamp },
        ],
        indices: [
          new TableIndex({ name: 'idx_cameras_district', columnNames: ['district'] }),
          new TableIndex({ name: 'idx_cameras_site_id', columnNames: ['site_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cameras', false, true, true);
  }
}
