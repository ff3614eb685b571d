import type { PolicyState, PolicyVersion } from '@lib/persistence';
import { AdminError, AdminErrorCode } from '../admin.error';

export type PolicyAction = 'update' | 'submit' | 'approve' | 'reject' | 'activate' | 'rollback';

/** The states each step starts from. Rollback restores a version that was approved once. */
const FROM: Record<PolicyAction, readonly PolicyState[]> = {
  update: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  activate: ['approved'],
  rollback: ['approved', 'active', 'superseded'],
};

/**
 * Why a step may not happen, or null when it may. Four eyes: the author of a version never
 * approves it. A stale row version (optimistic concurrency) is a conflict.
 */
export function lifecycleRefusal(args: {
  action: PolicyAction;
  version: PolicyVersion;
  actorId: string;
  expectedRowVersion?: number;
}): AdminError | null {
  const { action, version } = args;
  if (args.expectedRowVersion !== undefined && args.expectedRowVersion !== version.rowVersion) {
    return AdminError.stale(version.rowVersion);
  }
  if (!FROM[action].includes(version.state)) {
    return new AdminError({
      code: AdminErrorCode.InvalidState,
      es: `No se puede ${ACTION_ES[action]} una versión en estado ${version.state}.`,
      en: `Cannot ${action} a version in state ${version.state}.`,
    });
  }
  if (action === 'approve' && version.authorId === args.actorId) {
    return new AdminError({
      code: AdminErrorCode.SelfApproval,
      es: 'Cuatro ojos: quien redacta una versión no puede aprobarla; debe hacerlo otro ODP.',
      en: 'Four eyes: the author of a version cannot approve it; another DPO must.',
    });
  }
  return null;
}

const ACTION_ES: Record<PolicyAction, string> = {
  update: 'modificar',
  submit: 'enviar a aprobación',
  approve: 'aprobar',
  reject: 'rechazar',
  activate: 'activar',
  rollback: 'restaurar',
};
