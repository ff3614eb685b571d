import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, type DataSource, type Repository } from 'typeorm';
import type { PolicyFormat, PolicyState, PolicyVersion } from '../admin.types';
import { guardQuery } from '../query-guard.util';
import { PolicyVersionEntity } from './policy-version.entity';

/** Fields a lifecycle step may change; the row version always goes up by one. */
export type PolicyVersionPatch = Partial<
  Pick<
    PolicyVersion,
    | 'format'
    | 'content'
    | 'contentHash'
    | 'state'
    | 'approverId'
    | 'rejectedBy'
    | 'submittedAt'
    | 'approvedAt'
    | 'scheduledActivationAt'
  >
>;

/**
 * Policy versions. State rules live in the admin service; this repository only guarantees
 * that a write applies to the row version the caller read (optimistic concurrency).
 */
export class PolicyVersionRepository {
  private readonly versions: Repository<PolicyVersionEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.versions = dataSource.getRepository(PolicyVersionEntity);
  }

  /** A new version numbered after the policy's last one. */
  create(args: {
    policyId: string;
    format: PolicyFormat;
    content: string;
    contentHash: string;
    authorId: string;
    state: Extract<PolicyState, 'draft' | 'submitted'>;
    rollbackOf?: string;
    now: Date;
  }): Promise<PolicyVersion> {
    return guardQuery('PolicyVersionRepository.create', () =>
      this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(PolicyVersionEntity);
        const last = await repo.findOne({
          where: { policyId: args.policyId },
          order: { versionNumber: 'DESC' },
        });
        const at = args.now.toISOString();
        const row: PolicyVersionEntity = {
          versionId: randomUUID(),
          policyId: args.policyId,
          versionNumber: (last?.versionNumber ?? 0) + 1,
          format: args.format,
          content: args.content,
          contentHash: args.contentHash,
          state: args.state,
          authorId: args.authorId,
          approverId: null,
          rejectedBy: null,
          rollbackOf: args.rollbackOf ?? null,
          createdAt: at,
          updatedAt: at,
          submittedAt: args.state === 'submitted' ? at : null,
          approvedAt: null,
          activatedAt: null,
          supersededAt: null,
          scheduledActivationAt: null,
          rowVersion: 1,
          activationSequence: null,
        };
        // The unique (policy_id, version_number) index turns a concurrent create into an error.
        await repo.insert(row);
        return toVersion(row);
      }),
    );
  }

  findById(versionId: string): Promise<PolicyVersion | null> {
    return guardQuery('PolicyVersionRepository.findById', async () => {
      const row = await this.versions.findOneBy({ versionId });
      return row ? toVersion(row) : null;
    });
  }

  /** Every version (of one policy when given), by policy then version number. */
  list(filter: { policyId?: string } = {}): Promise<PolicyVersion[]> {
    return guardQuery('PolicyVersionRepository.list', async () => {
      const rows = await this.versions.find({
        where: filter.policyId ? { policyId: filter.policyId } : {},
        order: { policyId: 'ASC', versionNumber: 'ASC' },
      });
      return rows.map(toVersion);
    });
  }

  findActive(): Promise<PolicyVersion | null> {
    return guardQuery('PolicyVersionRepository.findActive', async () => {
      const row = await this.versions.findOneBy({ state: 'active' });
      return row ? toVersion(row) : null;
    });
  }

  /** Approved versions whose scheduled activation time has come, earliest first. */
  findDue(now: Date): Promise<PolicyVersion[]> {
    return guardQuery('PolicyVersionRepository.findDue', async () => {
      const rows = await this.versions.find({
        where: { state: 'approved', scheduledActivationAt: LessThanOrEqual(now.toISOString()) },
        order: { scheduledActivationAt: 'ASC' },
      });
      return rows.map(toVersion);
    });
  }

  /** The sequence the next activation will carry: one more than any so far. */
  nextActivationSequence(): Promise<number> {
    return guardQuery('PolicyVersionRepository.nextActivationSequence', async () => {
      const { max } = (await this.versions
        .createQueryBuilder('v')
        .select('MAX(v.activation_sequence)', 'max')
        .getRawOne<{ max: number | string | null }>()) ?? { max: null };
      return Number(max ?? 0) + 1;
    });
  }

  /** Applies the patch if the row is still at `rowVersion`; null when it moved on (stale). */
  update(args: {
    versionId: string;
    rowVersion: number;
    patch: PolicyVersionPatch;
    now: Date;
  }): Promise<PolicyVersion | null> {
    return guardQuery('PolicyVersionRepository.update', async () => {
      const result = await this.versions.update(
        { versionId: args.versionId, rowVersion: args.rowVersion },
        { ...args.patch, rowVersion: args.rowVersion + 1, updatedAt: args.now.toISOString() },
      );
      if ((result.affected ?? 0) === 0) {
        return null;
      }
      return toVersion(await this.versions.findOneByOrFail({ versionId: args.versionId }));
    });
  }

  /**
   * Marks the version active and whatever was active superseded, in one transaction. Returns
   * null, changing nothing, when the version moved past `rowVersion` or another activation took
   * `sequence` first.
   */
  markActive(args: {
    versionId: string;
    rowVersion: number;
    sequence: number;
    now: Date;
  }): Promise<{ active: PolicyVersion; superseded: PolicyVersion | null } | null> {
    return guardQuery('PolicyVersionRepository.markActive', () =>
      this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(PolicyVersionEntity);
        const at = args.now.toISOString();
        const { max } = (await repo
          .createQueryBuilder('v')
          .select('MAX(v.activation_sequence)', 'max')
          .getRawOne<{ max: number | string | null }>()) ?? { max: null };
        if (Number(max ?? 0) >= args.sequence) {
          return null;
        }
        const previous = await repo.findOneBy({ state: 'active' });
        if (previous && previous.versionId !== args.versionId) {
          await repo.update(
            { versionId: previous.versionId },
            {
              state: 'superseded',
              supersededAt: at,
              updatedAt: at,
              rowVersion: previous.rowVersion + 1,
            },
          );
        }
        const result = await repo.update(
          { versionId: args.versionId, rowVersion: args.rowVersion },
          {
            state: 'active',
            activatedAt: at,
            updatedAt: at,
            activationSequence: args.sequence,
            scheduledActivationAt: null,
            rowVersion: args.rowVersion + 1,
          },
        );
        if ((result.affected ?? 0) === 0) {
          // Throwing rolls the supersede back; the caller sees null.
          throw new StaleActivation();
        }
        const active = toVersion(await repo.findOneByOrFail({ versionId: args.versionId }));
        const superseded =
          previous && previous.versionId !== args.versionId
            ? toVersion(await repo.findOneByOrFail({ versionId: previous.versionId }))
            : null;
        return { active, superseded };
      }),
    ).catch((error: unknown) => {
      if (error instanceof StaleActivation || isCauseStale(error)) {
        return null;
      }
      throw error;
    });
  }

  /** Versions in any of the given states. */
  findByStates(states: PolicyState[]): Promise<PolicyVersion[]> {
    return guardQuery('PolicyVersionRepository.findByStates', async () =>
      (await this.versions.findBy({ state: In(states) })).map(toVersion),
    );
  }
}

class StaleActivation extends Error {}

function isCauseStale(error: unknown): boolean {
  return error instanceof Error && error.cause instanceof StaleActivation;
}

function toVersion(row: PolicyVersionEntity): PolicyVersion {
  return {
    ...row,
    format: row.format as PolicyFormat,
    state: row.state as PolicyState,
    versionNumber: Number(row.versionNumber),
    rowVersion: Number(row.rowVersion),
    activationSequence: row.activationSequence === null ? null : Number(row.activationSequence),
  };
}
