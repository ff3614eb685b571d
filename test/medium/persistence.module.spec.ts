import { CameraRepository, PersistenceErrorCode, PersistenceModule } from '@lib/persistence';
import { Test } from '@nestjs/testing';
import { CameraFactory } from './utils/camera.factory';
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from './utils/test-database';

describe.each(TEST_DRIVERS)(`${PersistenceModule.name} on $driver`, ({ driver }) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(driver);
  });

  afterEach(async () => {
    await db.drop();
  });

  async function boot() {
    const moduleRef = await Test.createTestingModule({
      imports: [PersistenceModule.forRoot(db.options)],
    }).compile();
    return moduleRef.init();
  }

  it('should provide a working repository on a migrated database when the app boots', async () => {
    const app = await boot();
    const camera = CameraFactory.create();

    await app.get(CameraRepository).upsertMany([camera]);

    expect(await app.get(CameraRepository).findAll()).toEqual([camera]);
    await app.close();
  });

  it('should close the database when the app shuts down', async () => {
    const app = await boot();
    const repository = app.get(CameraRepository);

    await app.close();

    await expect(repository.findAll()).rejects.toMatchObject({
      code: PersistenceErrorCode.QueryFailed,
    });
  });

  it('should keep the data for the next boot when the app restarts', async () => {
    const camera = CameraFactory.create();
    const first = await boot();
    await first.get(CameraRepository).upsertMany([camera]);
    await first.close();

    const second = await boot();

    expect(await second.get(CameraRepository).findById(camera.cameraId)).toEqual(camera);
    await second.close();
  });
});
