// Barrel: import this lib only as @lib/evidence.
export { EvidenceError, EvidenceErrorCode } from './evidence.error';
export { SnapshotQueue } from './snapshot-queue';
export type { SnapshotQueueOptions, SnapshotQueueStats, SnapshotTicket } from './snapshot-queue';
