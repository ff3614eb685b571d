import type { CameraRecord } from '@lib/contracts';
import { CameraRepository, openDataSource } from '@lib/persistence';
import type { DataSource } from 'typeorm';
import { CameraFactory } from './utils/camera.factory';
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from './utils/test-database';

describe.each(TEST_DRIVERS)('persistence on $driver', ({ driver }) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sut: CameraRepository;

  beforeEach(async () => {
    db = await createTestDatabase(driver);
    dataSource = await openDataSource(db.options);
    sut = new CameraRepository(dataSource);
  });

  afterEach(async () => {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await db.drop();
  });

  async function reopen(): Promise<void> {
    await dataSource.destroy();
    dataSource = await openDataSource(db.options);
    sut = new CameraRepository(dataSource);
  }

  describe('migrations', () => {
    it('should create a schema that matches the entities when the database is empty', async () => {
      const pending = await dataSource.driver.createSchemaBuilder().log();

      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await sut.findAll()).toEqual([]);
    });

    it('should apply nothing and keep the data when the database is opened again', async () => {
      const cameras = [CameraFactory.create(), CameraFactory.create()];
      await sut.upsertMany(cameras);

      await reopen();

      expect(await dataSource.showMigrations()).toBe(false);
      expect(await dataSource.runMigrations()).toEqual([]);
      expect(await sut.findAll()).toEqual(cameras);
    });
  });

  describe(CameraRepository.name, () => {
    it('should insert new cameras and find each by id', async () => {
      const [a, b] = [CameraFactory.create(), CameraFactory.create({ zoneType: 'parque' })];

      await sut.upsertMany([a, b]);

      expect(await sut.findById(a.cameraId)).toEqual(a);
      expect(await sut.findById(b.cameraId)).toEqual(b);
    });

    it('should return null when the camera is not registered', async () => {
      await sut.upsertMany([CameraFactory.create()]);

      expect(await sut.findById('cam-unknown')).toBeNull();
    });

    it('should update known cameras and leave the others when upserting', async () => {
      const [a, b] = [CameraFactory.create(), CameraFactory.create()];
      await sut.upsertMany([a, b]);
      const renamed: CameraRecord = { ...a, name: 'Renamed', district: 'retiro' };
      const added = CameraFactory.create();

      await sut.upsertMany([renamed, added]);

      expect(await sut.findAll()).toEqual([renamed, b, added]);
    });

    it('should list every camera in code-unit order of id when inserted out of order', async () => {
      // Upper case before lower, accents last: what a C collation does, unlike most locales.
      const ids = ['cam-b', 'cam-é', 'cam-B', 'cam-a', 'cam-10', 'cam-9'];
      await sut.upsertMany(ids.map((cameraId) => CameraFactory.create({ cameraId })));

      const listed = (await sut.findAll()).map((c) => c.cameraId);

      expect(listed).toEqual(['cam-10', 'cam-9', 'cam-B', 'cam-a', 'cam-b', 'cam-é']);
    });

    it.each([
      { case: 'several, in order', allowedPurposes: ['seguridad', 'movilidad', 'aforo'] },
      { case: 'none', allowedPurposes: [] },
      { case: 'non-ASCII and quotes', allowedPurposes: ['búsqueda-menor', 'say "hi"', 'ñ/ü'] },
    ])('should round-trip allowed purposes when they are $case', async ({ allowedPurposes }) => {
      const camera = CameraFactory.create({ allowedPurposes });

      await sut.upsertMany([camera]);
      await reopen();

      expect((await sut.findById(camera.cameraId))?.allowedPurposes).toEqual(allowedPurposes);
    });

    it('should round-trip tags, and leave them absent when a camera has none', async () => {
      const tagged = CameraFactory.create({ tags: ['centro', 'turístico'] });
      const plain = CameraFactory.create();

      await sut.upsertMany([tagged, plain]);
      await reopen();

      expect((await sut.findById(tagged.cameraId))?.tags).toEqual(['centro', 'turístico']);
      expect(await sut.findById(plain.cameraId)).not.toHaveProperty('tags');
    });

    it('should return plain records when reading', async () => {
      const camera = CameraFactory.create();
      await sut.upsertMany([camera]);

      const [listed] = await sut.findAll();
      const found = await sut.findById(camera.cameraId);

      expect(Object.getPrototypeOf(listed)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(found)).toBe(Object.prototype);
      expect(Object.keys(listed).sort()).toEqual(Object.keys(camera).sort());
    });

    it('should keep the last record when an id repeats in one call', async () => {
      const first = CameraFactory.create({ name: 'first' });
      const last = { ...first, name: 'last', allowedPurposes: [] };

      await sut.upsertMany([first, last]);

      expect(await sut.findAll()).toEqual([last]);
    });

    it('should do nothing when the list is empty', async () => {
      await sut.upsertMany([]);

      expect(await sut.findAll()).toEqual([]);
    });

    it('should store every camera when there are more than one batch holds', async () => {
      const cameras = Array.from({ length: 1_201 }, (_, i) =>
        CameraFactory.create({ cameraId: `bulk-${String(i).padStart(5, '0')}` }),
      );

      await sut.upsertMany(cameras);

      expect(await sut.findAll()).toEqual(cameras);
    });

    it('should keep creation time, location and signage when a known camera is upserted', async () => {
      const camera = CameraFactory.create();
      await sut.upsertMany([camera]);
      const table = quotedTablePath(dataSource);
      await dataSource.query(
        `UPDATE ${table} SET created_at = '2000-01-01 00:00:00', geo_lat = 40.4168, ` +
          `geo_lon = -3.7038, signage_id = 'sig-1'`,
      );

      await sut.upsertMany([{ ...camera, name: 'Renamed' }]);

      const [row] = await dataSource.query<Array<Record<string, unknown>>>(
        `SELECT created_at, geo_lat, geo_lon, signage_id FROM ${table}`,
      );
      expect(new Date(`${String(row.created_at)}`).getUTCFullYear()).toBe(2000);
      expect(row).toMatchObject({ geo_lat: 40.4168, geo_lon: -3.7038, signage_id: 'sig-1' });
      expect((await sut.findById(camera.cameraId))?.name).toBe('Renamed');
    });

    it('should retire a camera and report whether it was registered', async () => {
      const [kept, retired] = [CameraFactory.create(), CameraFactory.create()];
      await sut.upsertMany([kept, retired]);

      expect(await sut.retire(retired.cameraId)).toBe(true);
      expect(await sut.retire(retired.cameraId)).toBe(false);
      expect(await sut.findById(retired.cameraId)).toBeNull();
      expect(await sut.findAll()).toEqual([kept]);
    });

    it('should register a retired camera again when it is upserted', async () => {
      const camera = CameraFactory.create();
      await sut.upsertMany([camera]);
      await sut.retire(camera.cameraId);

      await sut.upsertMany([camera]);

      expect(await sut.findById(camera.cameraId)).toEqual(camera);
    });
  });
});

// The cameras table as raw SQL can name it: schema-qualified on PostgreSQL test schemas.
function quotedTablePath(dataSource: DataSource): string {
  return dataSource
    .getMetadata('cameras')
    .tablePath.split('.')
    .map((part) => dataSource.driver.escape(part))
    .join('.');
}
