import type { PolicyBundleV1 } from '@lib/contracts';
import type { PolicyVersion } from '@lib/persistence';

/** How the database's active version and the topic's bundle stand to each other. */
export type PublicationAgreement =
  | { kind: 'in_sync' }
  /** The topic holds a later activation of a version the database has approved: record it. */
  | { kind: 'landed_unrecorded'; version: PolicyVersion }
  /** Anything else: reported, never "fixed" by guessing. */
  | { kind: 'disagree'; reason: PublicationDisagreement };

export enum PublicationDisagreement {
  /** The topic's bundle does not verify with this policy-admin's key. */
  ForeignBundle = 'foreign_bundle',
  /** The database has an activation the topic does not show. */
  TopicBehind = 'topic_behind',
  /** The topic's bundle is newer, but no approved version has its policy, number and hash. */
  UnknownVersion = 'unknown_version',
  /** Same sequence, different version or content. */
  Mismatch = 'mismatch',
}

/**
 * Compares the last record under `active` with the database: the active version, the highest
 * activation sequence recorded and the approved versions. `bundle` is that record once verified
 * with this policy-admin's key; `foreign` says a record is there that does not verify. Pure.
 */
export function publicationAgreement(args: {
  bundle: PolicyBundleV1 | null;
  foreign: boolean;
  active: PolicyVersion | null;
  maxSequence: number;
  versions: readonly PolicyVersion[];
}): PublicationAgreement {
  const { bundle, active, maxSequence } = args;
  if (args.foreign) {
    return { kind: 'disagree', reason: PublicationDisagreement.ForeignBundle };
  }
  if (bundle === null) {
    return maxSequence === 0
      ? { kind: 'in_sync' }
      : { kind: 'disagree', reason: PublicationDisagreement.TopicBehind };
  }
  if (bundle.sequence < maxSequence) {
    return { kind: 'disagree', reason: PublicationDisagreement.TopicBehind };
  }
  if (bundle.sequence === maxSequence) {
    const same =
      active !== null &&
      active.activationSequence === bundle.sequence &&
      active.policyId === bundle.policyId &&
      String(active.versionNumber) === bundle.version &&
      active.contentHash === bundle.hash;
    return same
      ? { kind: 'in_sync' }
      : { kind: 'disagree', reason: PublicationDisagreement.Mismatch };
  }
  const version = args.versions.find(
    (v) =>
      v.state === 'approved' &&
      v.policyId === bundle.policyId &&
      String(v.versionNumber) === bundle.version &&
      v.contentHash === bundle.hash &&
      v.approverId === bundle.approvedBy,
  );
  return version
    ? { kind: 'landed_unrecorded', version }
    : { kind: 'disagree', reason: PublicationDisagreement.UnknownVersion };
}
