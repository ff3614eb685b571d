export { AccessRepository, hashApiToken } from './access/access.repository';
export type { Authenticated } from './access/access.repository';
export { POLICY_STATES, TOKEN_SCOPES, USER_ROLES } from './admin.types';
export type {
  ApiTokenInfo,
  AuditRecord,
  Authorisation,
  AuthorisationRegisterState,
  AuthorisationUse,
  DecisionUse,
  CameraDetail,
  CameraFields,
  CameraVendorAssignment,
  CameraVendorRef,
  PolicyFormat,
  PolicyState,
  PolicyVersion,
  TokenScope,
  User,
  UserRole,
} from './admin.types';
export { AuditRepository } from './audit/audit.repository';
export { AuthorisationRepository } from './authorisation/authorisation.repository';
export { CameraAdminRepository } from './camera/camera-admin.repository';
export { CameraRepository } from './camera/camera.repository';
export { openDataSource } from './data-source.factory';
export { dataSourceOptions } from './data-source-options.util';
export type { PersistenceOptions } from './data-source-options.util';
export { PersistenceError, PersistenceErrorCode } from './persistence.error';
export { PersistenceModule } from './persistence.module';
export { PolicyVersionRepository } from './policy-version/policy-version.repository';
export type { PolicyVersionPatch } from './policy-version/policy-version.repository';
export { CAMERA_REFRESH_ENV, PERSISTENCE_ENV } from './persistence-env';
export type { CameraRefreshEnvConfig, PersistenceEnvConfig } from './persistence-env';
