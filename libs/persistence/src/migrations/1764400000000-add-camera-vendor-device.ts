import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The vendor device a camera is: its device id (DeepStream sensor id, Frigate camera
 * name, ONVIF topic prefix, Hikvision MAC) and, for a device with several cameras, the channel.
 * With `vendor_format` they let the ingress map a vendor reference to the registry camera.
 */
export class AddCameraVendorDevice1764400000000 implements MigrationInterface {
  name = 'AddCameraVendorDevice1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('cameras', [
      new TableColumn({
        name: 'vendor_device_id',
        type: 'varchar',
        length: '128',
        isNullable: true,
      }),
      new TableColumn({ name: 'vendor_channel', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'cameras',
      new TableIndex({ name: 'idx_cameras_vendor_device', columnNames: ['vendor_device_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cameras', 'idx_cameras_vendor_device');
    for (const column of ['vendor_channel', 'vendor_device_id']) {
      await queryRunner.dropColumn('cameras', column);
    }
  }
}
