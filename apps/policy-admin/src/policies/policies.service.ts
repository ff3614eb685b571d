import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lib/common';
import { PolicyVersionRepository, type PolicyFormat, type PolicyVersion } from '@lib/persistence';
import { diffPolicies, type PolicyDiff } from '@lib/policy';
import { AdminError, AdminErrorCode } from '../admin.error';
import type { Actor } from '../auth/roles.decorator';
import { AuditService } from '../audit/audit.service';
import { checkPolicyText } from './policy-content';
import { lifecycleRefusal, type PolicyAction } from './policy-lifecycle';

/** Drafts, four-eyes review, rollback and diffs. Activation lives in PolicyActivationService. */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly versions: PolicyVersionRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async createDraft(args: {
    actor: Actor;
    format: PolicyFormat;
    content: string;
  }): Promise<PolicyVersion> {
    const checked = checkPolicyText(args.content, args.format);
    const version = await this.versions.create({
      policyId: checked.policyId,
      format: args.format,
      content: args.content,
      contentHash: checked.hash,
      authorId: args.actor.userId,
      state: 'draft',
      now: this.clock.now(),
    });
    await this.record(args.actor, 'policy.draft_create', version);
    return version;
  }

  async updateDraft(args: {
    actor: Actor;
    versionId: string;
    expectedRowVersion: number;
    format: PolicyFormat;
    content: string;
  }): Promise<PolicyVersion> {
    const current = await this.guard({ ...args, action: 'update' });
    const checked = checkPolicyText(args.content, args.format);
    if (checked.policyId !== current.policyId) {
      throw new AdminError({
        code: AdminErrorCode.InvalidBody,
        es: `metadata.id debe seguir siendo ${current.policyId}.`,
        en: `metadata.id must stay ${current.policyId}.`,
        issues: [{ path: '/metadata/id', es: 'No se puede cambiar.', en: 'Cannot change.' }],
      });
    }
    const updated = await this.apply(current, {
      format: args.format,
      content: args.content,
      contentHash: checked.hash,
    });
    await this.record(args.actor, 'policy.draft_update', updated);
    return updated;
  }

  async step(args: {
    actor: Actor;
    versionId: string;
    action: Extract<PolicyAction, 'submit' | 'approve' | 'reject'>;
    expectedRowVersion?: number;
    reason?: string;
  }): Promise<PolicyVersion> {
    const current = await this.guard(args);
    const at = this.clock.now().toISOString();
    const patch =
      args.action === 'submit'
        ? { state: 'submitted' as const, submittedAt: at }
        : args.action === 'approve'
          ? { state: 'approved' as const, approverId: args.actor.userId, approvedAt: at }
          : { state: 'rejected' as const, rejectedBy: args.actor.userId };
    const updated = await this.apply(current, patch);
    // The reason is free text a DPO wrote; it stays out of the audit details (it may name people).
    await this.record(args.actor, `policy.${args.action}`, updated, {
      reasonGiven: args.reason !== undefined,
    });
    return updated;
  }

  /** A new submitted version with the content of an earlier approved one; it needs approval. */
  async rollback(args: { actor: Actor; versionId: string }): Promise<PolicyVersion> {
    const source = await this.guard({ ...args, action: 'rollback' });
    const version = await this.versions.create({
      policyId: source.policyId,
      format: source.format,
      content: source.content,
      contentHash: source.contentHash,
      authorId: args.actor.userId,
      state: 'submitted',
      rollbackOf: source.versionId,
      now: this.clock.now(),
    });
    await this.record(args.actor, 'policy.rollback', version, { rollbackOf: source.versionId });
    return version;
  }

  list(policyId?: string): Promise<PolicyVersion[]> {
    return this.versions.list({ policyId });
  }

  async get(versionId: string): Promise<PolicyVersion> {
    const version = await this.versions.findById(versionId);
    if (!version) {
      throw AdminError.notFound('la versión/policy version', versionId);
    }
    return version;
  }

  async active(): Promise<PolicyVersion> {
    const version = await this.versions.findActive();
    if (!version) {
      throw AdminError.notFound('versión activa/active policy version', '-');
    }
    return version;
  }

  async diff(fromId: string, toId: string): Promise<PolicyDiff & { from: string; to: string }> {
    const [from, to] = [await this.get(fromId), await this.get(toId)];
    const docs = [from, to].map((v) => checkPolicyText(v.content, v.format).document);
    return { from: fromId, to: toId, ...diffPolicies(docs[0], docs[1]) };
  }

  private async guard(args: {
    actor: Actor;
    versionId: string;
    action: PolicyAction;
    expectedRowVersion?: number;
  }): Promise<PolicyVersion> {
    const version = await this.get(args.versionId);
    const refusal = lifecycleRefusal({ ...args, version, actorId: args.actor.userId });
    if (refusal) {
      throw refusal;
    }
    return version;
  }

  private async apply(
    current: PolicyVersion,
    patch: Parameters<PolicyVersionRepository['update']>[0]['patch'],
  ): Promise<PolicyVersion> {
    const updated = await this.versions.update({
      versionId: current.versionId,
      rowVersion: current.rowVersion,
      patch,
      now: this.clock.now(),
    });
    if (!updated) {
      // Someone else changed it between our read and our write.
      throw AdminError.stale((await this.get(current.versionId)).rowVersion);
    }
    return updated;
  }

  private async record(
    actor: Actor,
    action: string,
    version: PolicyVersion,
    extra: Record<string, string | boolean> = {},
  ): Promise<void> {
    await this.audit.recordVersion({
      actorId: actor.userId,
      action,
      version,
      details: { contentHash: version.contentHash, ...extra },
    });
  }
}
