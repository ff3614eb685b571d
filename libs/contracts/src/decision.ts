/**
 * One decision record per valid event, forwarded or not. It carries no wall-clock time and no
 * transport position, so the same event under the same policy always serialises to the same bytes.
 */
export type Verdict = 'forward' | 'suppress';

export interface PolicyRef {
  id: string;
  version: string;
  /** SHA-256 (hex) of the policy's canonical JSON form. */
  hash: string;
}

export interface Reason {
  code: string;
  /** es-PE first: this is what DPOs and auditors read. */
  es: string;
  en: string;
  citation?: string;
}

/**
 * Something the governor noticed about the event itself, whatever the verdict: e.g. a vendor that
 * sent an attribute no purpose may receive (`vendor_violation`). Names the path, never the value.
 */
export interface Finding {
  code: string;
  /** Dotted path of the offending field in the event's `data`. */
  path: string;
  /** The norm the finding rests on. */
  citation: string;
}

export interface DecisionRecordV1 {
  schema: 'tamiz.decision.v1';
  decisionId: string;
  eventId: string;
  cameraId: string;
  occurredAt: string;
  analyticType: string;
  verdict: Verdict;
  purposes: string[];
  ruleIds: string[];
  reasons: Reason[];
  /** Paths removed from the event before any alert left; never their values. */
  droppedPaths: string[];
  /** Transform applied per kept path, per purpose. */
  transforms: Array<{ purpose: string; path: string; transform: string }>;
  policy: PolicyRef | null;
  humanReview: 'none' | 'required' | 'two-person';
  retentionClass: string | null;
  /** Problems with the event itself (e.g. prohibited attributes sent by a vendor), by path. */
  findings: Finding[];
}
