import type { PolicyVersion } from '@lib/persistence';

/** A stored policy version: an approved version 1 of `lima` by ana, unless overridden. */
export function policyVersion(overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    versionId: 'v-1',
    policyId: 'lima',
    versionNumber: 1,
    format: 'yaml',
    content: '',
    contentHash: 'a'.repeat(64),
    state: 'approved',
    authorId: 'ana',
    approverId: 'bruno',
    rejectedBy: null,
    rollbackOf: null,
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    submittedAt: null,
    approvedAt: null,
    activatedAt: null,
    supersededAt: null,
    scheduledActivationAt: null,
    rowVersion: 3,
    activationSequence: null,
    ...overrides,
  };
}
