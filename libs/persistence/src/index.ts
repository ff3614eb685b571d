export { CameraRepository } from './camera/camera.repository';
export { openDataSource } from './data-source.factory';
export { dataSourceOptions } from './data-source-options.util';
export type { PersistenceOptions } from './data-source-options.util';
export { PersistenceError, PersistenceErrorCode } from './persistence.error';
export { PersistenceModule } from './persistence.module';
