import type { TransformSpec } from '@lib/redaction';
import type { HumanReview, LegalBasisKind, LocalisedText, Priority } from '../policy-document';

/**
 * Policy document v2 (docs/policy-v2-format.md), as a DPO writes it once it has passed
 * `validatePolicy`. Every key at every level is checked; an unknown key is an error.
 */
export interface PolicyDocumentV2 {
  apiVersion: 'tamiz/v2';
  kind: 'Policy';
  metadata: PolicyMetadataV2;
  /** Retention class → ISO 8601 duration; `metadata` and `alerts` are required. */
  retention: Record<string, string>;
  purposes: PurposeV2[];
  authorisations?: AuthorisationV2[];
}

export interface PolicyMetadataV2 {
  id: string;
  version: string;
  jurisdiction: Jurisdiction;
  controller: string;
  /** The impact assessment the policy rests on (legal.md rule 22). */
  dpia: { id: string; date: string };
  /** Data-bank registration with the ANPD (legal.md rule 21); required when jurisdiction is PE. */
  dataBankRegistration?: string;
  /** IANA zone for windows that name none; default America/Lima. */
  timeZone?: string;
}

export interface PurposeV2 {
  id: string;
  title: LocalisedText;
  legalBasis: { kind: LegalBasisKind; citation?: string };
  analytics: string[];
  objectClasses?: string[];
  cameras?: CameraSelectorV2;
  windows?: TimeWindowV2[];
  /** CEL over `event` (the detection data) and `camera` (the registry record); must yield a bool. */
  when?: string;
  minConfidence?: number;
  humanReview: HumanReview;
  requiresAuthorization?: boolean;
  priority: Priority;
  recipients: string[];
  /** A key of `retention`; default `alerts`. */
  retentionClass?: string;
  /** Canonical field path → transform; every path not listed is dropped. */
  fields: Record<string, TransformSpec>;
}

/** Every list given must match the camera (AND across lists); within a list, any entry (OR). */
export interface CameraSelectorV2 {
  ids?: string[];
  zones?: string[];
  tags?: string[];
}

export interface TimeWindowV2 {
  /** Default: every day. A window with `from` after `to` runs past midnight into the next day. */
  days?: Weekday[];
  /** `HH:MM`, 00:00–23:59. */
  from: string;
  /** `HH:MM`, 00:01–24:00; the window is [from, to). */
  to: string;
  timeZone?: string;
}

export interface AuthorisationV2 {
  id: string;
  issuer: string;
  caseRef: string;
  /** Purposes this authorisation may serve. */
  purposes: string[];
  /** At least one list; an absent list does not restrict. */
  scope: { watchlists?: string[]; cameras?: string[] };
  /** RFC 3339 with offset; validity is [validFrom, validUntil], checked at the event's occurredAt. */
  validFrom: string;
  validUntil: string;
}

export const JURISDICTIONS = ['PE', 'EU'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Monday first; the index is the weekday number the engine works with. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_TIME_ZONE = 'America/Lima';
/** The class a forwarded decision and its alerts take when the purpose names none. */
export const DEFAULT_RETENTION_CLASS = 'alerts';
/** The class a suppressed decision takes: no alert left, only the metadata of the decision. */
export const SUPPRESSED_RETENTION_CLASS = 'metadata';
export const REQUIRED_RETENTION_CLASSES = ['metadata', 'alerts'] as const;
/** Retention class names: camelCase or kebab-case words (rawEvidence, incident-hold). */
export const RETENTION_CLASS_NAME = /^[a-z][A-Za-z0-9]*(?:-[a-z0-9]+)*$/;
