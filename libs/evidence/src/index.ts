// Barrel: import this lib only as @lib/evidence.
export { EvidenceError, EvidenceErrorCode } from './evidence.error';
export { SnapshotQueue } from './snapshot-queue';
export type { SnapshotQueueOptions, SnapshotQueueStats, SnapshotTicket } from './snapshot-queue';
export { DEFAULT_EVIDENCE_ROOT, EvidenceStore } from './evidence-store';
export type { EvidenceRef, EvidenceStoreOptions, StoredEvidence } from './evidence-store';
export { EVIDENCE_ENV, evidenceStoreFrom, loadEvidenceConfig } from './evidence.config';
export type { EvidenceConfig } from './evidence.config';
export { SnapshotService, redactedKey } from './snapshot-service';
