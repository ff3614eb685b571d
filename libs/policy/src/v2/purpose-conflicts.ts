import type { PolicyIssue } from '../policy.error';
import { policyIssuesV2 } from './policy-issues-v2';

/** What the conflict check reads of a well-formed purpose. */
export interface PurposeOutline {
  id: string;
  /** JSON Pointer of the purpose. */
  path: string;
  analytics: ReadonlySet<string>;
  objectClasses: ReadonlySet<string> | undefined;
  cameraIds: ReadonlySet<string> | undefined;
  zones: ReadonlySet<string> | undefined;
  /** requiresAuthorization */
  guarded: boolean;
  twoPerson: boolean;
}

/**
 * Two kinds of conflict, each reported at the later purpose:
 * - the same id twice: decisions could not tell the purposes apart;
 * - two purposes that can match one event while only one of them requires an authorisation, or
 *   only one requires two-person review: the event would leave through the other purpose without
 *   that safeguard. They can match one event unless the selectors prove otherwise: disjoint
 *   analytics, object classes, camera ids or zones. Tags, windows and `when` conditions are not
 *   compared (a camera may carry several tags; conditions are not decidable), so overlapping is
 *   assumed for them: the DPO separates such purposes by analytics, object class, ids or zones.
 */
export function purposeConflicts(outlines: readonly PurposeOutline[]): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const seen = new Map<string, PurposeOutline>();
  outlines.forEach((outline, index) => {
    if (seen.has(outline.id)) {
      issues.push(policyIssuesV2.duplicatePurpose(`${outline.path}/id`, outline.id));
      return;
    }
    seen.set(outline.id, outline);
    for (const other of outlines.slice(0, index)) {
      if (other.id !== outline.id && safeguardsDiffer(other, outline) && overlap(other, outline)) {
        issues.push(
          policyIssuesV2.overlappingPurposes(outline.path, { id: outline.id, other: other.id }),
        );
        return;
      }
    }
  });
  return issues;
}

function safeguardsDiffer(a: PurposeOutline, b: PurposeOutline): boolean {
  return a.guarded !== b.guarded || a.twoPerson !== b.twoPerson;
}

function overlap(a: PurposeOutline, b: PurposeOutline): boolean {
  return (
    intersects(a.analytics, b.analytics) &&
    mayIntersect(a.objectClasses, b.objectClasses) &&
    mayIntersect(a.cameraIds, b.cameraIds) &&
    mayIntersect(a.zones, b.zones)
  );
}

/** An absent selector matches everything. */
function mayIntersect(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): boolean {
  return a === undefined || b === undefined || intersects(a, b);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const value of a) {
    if (b.has(value)) {
      return true;
    }
  }
  return false;
}
