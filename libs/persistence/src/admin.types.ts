import type { CameraRecord } from '@lib/contracts';

/** Roles of the policy-admin API. */
export const USER_ROLES = ['dpo', 'auditor', 'operator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface User {
  userId: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

/** A token as stored: never the token itself, only its metadata. */
export interface ApiTokenInfo {
  tokenId: string;
  userId: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const POLICY_STATES = [
  'draft',
  'submitted',
  'approved',
  'active',
  'superseded',
  'rejected',
] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export type PolicyFormat = 'yaml' | 'json';

export interface PolicyVersion {
  versionId: string;
  policyId: string;
  versionNumber: number;
  format: PolicyFormat;
  content: string;
  contentHash: string;
  state: PolicyState;
  authorId: string;
  approverId: string | null;
  rejectedBy: string | null;
  /** The earlier version whose content this one restores, for a rollback. */
  rollbackOf: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  activatedAt: string | null;
  supersededAt: string | null;
  scheduledActivationAt: string | null;
  rowVersion: number;
  activationSequence: number | null;
}

export interface Authorisation {
  authorisationId: string;
  issuer: string;
  caseRef: string;
  purposes: string[];
  scope: { watchlists?: string[]; cameras?: string[] };
  validFrom: string;
  validUntil: string;
  registeredBy: string;
  registeredAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface AuthorisationUse {
  useId: string;
  authorisationId: string;
  usedAt: string;
  usedBy: string;
  cameraId: string | null;
  reference: string | null;
  /** The event a governor forwarded relying on it (from its decision); null for a manual use. */
  eventId: string | null;
}

/** A use read from a governor's decision: one per (authorisation, event). */
export type DecisionUse = Pick<AuthorisationUse, 'authorisationId' | 'usedAt' | 'cameraId'> & {
  eventId: string;
};

/** What the register of authorisations in force is made of, read in one query. */
export interface AuthorisationRegisterState {
  /** Registrations plus revocations: grows with every change, never repeats. 0 = none yet. */
  sequence: number;
  /** Registered and not revoked, in id order (expired ones included). */
  inForce: Authorisation[];
}

export interface AuditRecord {
  auditId: string;
  at: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  /** Identifiers and states only; never personal data, tokens or secrets. */
  details: Record<string, unknown>;
}

/** A camera as the admin API sees it: the governor's record plus registry bookkeeping. */
export interface CameraDetail extends CameraRecord {
  geo: { lat: number; lon: number } | null;
  signageId: string | null;
  dataBankRegistrationId: string | null;
  vendorFormat: string | null;
  /** The vendor's id of the device; with `vendorFormat` it maps vendor events to this camera. */
  vendorDeviceId: string | null;
  /** Channel within the device; null: the camera is the whole device. */
  vendorChannel: string | null;
  retired: boolean;
  rowVersion: number;
}

/** What an admin may set on a camera (everything but bookkeeping). */
export type CameraFields = Omit<CameraDetail, 'retired' | 'rowVersion'>;

/** An active camera that names its vendor device: what the ingress resolves events by. */
export interface CameraVendorRef {
  cameraId: string;
  siteId: string;
  zoneType: string;
  vendorFormat: string | null;
  vendorDeviceId: string;
  vendorChannel: string | null;
}

/** The vendor identity a registry sync assigns to a camera (null fields clear it). */
export type CameraVendorAssignment = Pick<
  CameraDetail,
  'cameraId' | 'vendorFormat' | 'vendorDeviceId' | 'vendorChannel'
>;
