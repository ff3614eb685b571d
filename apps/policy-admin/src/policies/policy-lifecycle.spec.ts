import { POLICY_STATES, type PolicyState } from '@lib/persistence';
import { policyVersion } from '../../../../test/factories/policy-version.factory';
import { AdminErrorCode } from '../admin.error';
import { lifecycleRefusal, type PolicyAction } from './policy-lifecycle';

// the lifecycle reads the state, the author and the row version (3)
const version = (state: PolicyState) => policyVersion({ state, authorId: 'author' });

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
