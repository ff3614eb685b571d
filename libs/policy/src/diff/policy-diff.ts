import type { TransformSpec } from '@lib/redaction';
import type { TimeWindowV2 } from '../v2/policy-document-v2';

/** What one change between two policy versions means; `relaxing` ones let more through. */
export enum PolicyChangeKind {
  PurposeAdded = 'purpose_added',
  PurposeRemoved = 'purpose_removed',
  FieldExposed = 'field_exposed',
  FieldWithdrawn = 'field_withdrawn',
  TransformWeakened = 'transform_weakened',
  TransformStrengthened = 'transform_strengthened',
  TransformChanged = 'transform_changed',
  RetentionLengthened = 'retention_lengthened',
  RetentionShortened = 'retention_shortened',
  ConfidenceLowered = 'confidence_lowered',
  ConfidenceRaised = 'confidence_raised',
  WindowsWidened = 'windows_widened',
  WindowsNarrowed = 'windows_narrowed',
  AnalyticsAdded = 'analytics_added',
  AnalyticsRemoved = 'analytics_removed',
  CamerasWidened = 'cameras_widened',
  AuthorisationNoLongerRequired = 'authorisation_no_longer_required',
  HumanReviewRelaxed = 'human_review_relaxed',
}

export interface PolicyChange {
  kind: PolicyChangeKind;
  /** True when the change lets more data, or more events, through than before. */
  relaxing: boolean;
  purposeId?: string;
  /** Canonical field path, or `retention.<class>`. */
  field?: string;
  from?: unknown;
  to?: unknown;
  es: string;
  en: string;
}

export interface PolicyDiff {
  relaxing: boolean;
  changes: PolicyChange[];
}

/** A purpose reduced to what the diff compares, for tamiz/v1 and tamiz/v2 alike. */
export interface DiffablePurpose {
  id: string;
  fields: Record<string, TransformSpec>;
  analytics: string[];
  minConfidence: number;
  /** Minutes of the week (0..10079) the purpose is active in; absent windows = all. */
  windows: readonly TimeWindowV2[] | undefined;
  /** Camera selector lists; an absent list does not restrict. */
  cameras: Record<string, string[] | undefined>;
  requiresAuthorization: boolean;
  humanReview: string;
  retentionClass: string;
}

export interface DiffablePolicy {
  retention: Record<string, string>;
  purposes: DiffablePurpose[];
}
