import { POLICY_STATES, type PolicyState, type PolicyVersion } from '@lib/persistence';
import { AdminErrorCode } from '../admin.error';
import { lifecycleRefusal, type PolicyAction } from './policy-lifecycle';

function version(state: PolicyState, overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    versionId: 'v1',
    policyId: 'p',
    versionNumber: 1,
    format: 'yaml',
    content: '',
    contentHash: '',
    state,
    authorId: 'author',
    approverId: null,
    rejectedBy: null,
    rollbackOf: null,
    createdAt: '',
    updatedAt: '',
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

const ALLOWED: Record<PolicyAction, PolicyState[]> = {
  update: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  activate: ['approved'],
  rollback: ['approved', 'active', 'superseded'],
};

const CASES = (Object.keys(ALLOWED) as PolicyAction[]).flatMap((action) =>
  POLICY_STATES.map((state) => ({ action, state, allowed: ALLOWED[action].includes(state) })),
);

describe(lifecycleRefusal.name, () => {
  it.each(CASES)('should $action from $state: allowed=$allowed', ({ action, state, allowed }) => {
    const refusal = lifecycleRefusal({ action, version: version(state), actorId: 'reviewer' });

    expect(refusal?.code ?? null).toBe(allowed ? null : AdminErrorCode.InvalidState);
  });

  it('should refuse the author approving their own version (four eyes)', () => {
    const refusal = lifecycleRefusal({
      action: 'approve',
      version: version('submitted'),
      actorId: 'author',
    });

    expect(refusal?.code).toBe(AdminErrorCode.SelfApproval);
    expect(refusal?.es).toContain('Cuatro ojos');
  });

  it('should report a stale row version before anything else', () => {
    const refusal = lifecycleRefusal({
      action: 'approve',
      version: version('draft'),
      actorId: 'author',
      expectedRowVersion: 2,
    });

    expect(refusal?.code).toBe(AdminErrorCode.StaleVersion);
    expect(
      lifecycleRefusal({
        action: 'submit',
        version: version('draft'),
        actorId: 'author',
        expectedRowVersion: 3,
      }),
    ).toBeNull();
  });
});
