import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// Column types are limited to those both drivers accept (varchar, double precision, text via
// simple-json); the committed migration must declare exactly the same ones.
@Entity({ name: 'cameras' })
@Index('idx_cameras_district', ['district'])
@Index('idx_cameras_site_id', ['siteId'])
@Index('idx_cameras_vendor_device', ['vendorDeviceId'])
export class CameraEntity {
  @PrimaryColumn({
    name: 'camera_id',
    type: 'varchar',
    length: 128,
    primaryKeyConstraintName: 'pk_cameras',
  })
  cameraId!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'district', type: 'varchar', length: 128 })
  district!: string;

  @Column({ name: 'site_id', type: 'varchar', length: 128 })
  siteId!: string;

  @Column({ name: 'zone_type', type: 'varchar', length: 64 })
  zoneType!: string;

  // Text holding a JSON array: the same on SQLite and PostgreSQL, and never queried inside.
  @Column({ name: 'allowed_purposes', type: 'simple-json' })
  allowedPurposes!: string[];

  // Policy selector labels; null when the camera has none.
  @Column({ name: 'tags', type: 'simple-json', nullable: true })
  tags!: string[] | null;

  @Column({ name: 'geo_lat', type: 'double precision', nullable: true })
  geoLat!: number | null;

  @Column({ name: 'geo_lon', type: 'double precision', nullable: true })
  geoLon!: number | null;

  @Column({ name: 'signage_id', type: 'varchar', length: 128, nullable: true })
  signageId!: string | null;

  // A retired camera stays for the record but leaves the registry the governor reads.
  @Column({ name: 'retired', type: 'boolean', default: false })
  retired!: boolean;

  // ANPD data-bank registration (legal.md rule 21).
  @Column({ name: 'data_bank_registration_id', type: 'varchar', length: 128, nullable: true })
  dataBankRegistrationId!: string | null;

  // The analytics vendor's event format (formats.md), e.g. `hikvision-isapi`.
  @Column({ name: 'vendor_format', type: 'varchar', length: 64, nullable: true })
  vendorFormat!: string | null;

  // The vendor's id of the device (sensor id, Frigate camera, ONVIF topic prefix, MAC) and, for
  // a device with several cameras, the channel; the ingress resolves events by them.
  @Column({ name: 'vendor_device_id', type: 'varchar', length: 128, nullable: true })
  vendorDeviceId!: string | null;

  @Column({ name: 'vendor_channel', type: 'varchar', length: 64, nullable: true })
  vendorChannel!: string | null;

  // Optimistic concurrency for admin edits; a registry sync leaves it alone.
  @Column({ name: 'row_version', type: 'integer', default: 1 })
  rowVersion!: number;

  // No explicit type: each driver maps these to its own (datetime / timestamp).
  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
