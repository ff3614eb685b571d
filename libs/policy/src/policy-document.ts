import type { AlertV1 } from '@lib/contracts';

/**
 * Policy document v1, as a DPO writes it (YAML or JSON) once it has passed `validatePolicy`.
 * Every key is checked: an unknown key is an error, so a misspelt rule never goes unnoticed.
 */
export interface PolicyDocumentV1 {
  apiVersion: 'tamiz/v1';
  kind: 'Policy';
  metadata: PolicyMetadataV1;
  retention: RetentionV1;
  purposes: PurposeV1[];
}

export interface PolicyMetadataV1 {
  /** Lower-case slug; with `version` it names the policy in every decision. */
  id: string;
  /** A string (quote it in YAML): '1', '2026-03a'. */
  version: string;
  /** ISO 3166-1 alpha-2, e.g. PE. */
  jurisdiction?: string;
  /** The data controller, e.g. the municipality. */
  controller?: string;
  /** The impact assessment the policy rests on (legal.md rule 22). */
  dpia?: { id: string; date: string };
}

/**
 * ISO 8601 durations per retention class. Decisions name the class that applies to them:
 * `metadata` for suppressed events, `alerts` for forwarded ones.
 */
export interface RetentionV1 {
  metadata: string;
  alerts: string;
  rawEvidence?: string;
  audit?: string;
}

export interface PurposeV1 {
  /** Lower-case slug, unique in the policy. */
  id: string;
  title: LocalisedText;
  legalBasis: LegalBasisV1;
  /** Analytic types (event.analyticType) this purpose may act on; at least one. */
  analytics: string[];
  /** When present, only these object classes. */
  objectClasses?: string[];
  /** When present, only cameras whose zoneType is listed. */
  zones?: string[];
  /** When present, events below this confidence (0..1) are not acted on. */
  minConfidence?: number;
  humanReview: HumanReview;
  priority: Priority;
  recipients: string[];
  /** Dotted canonical field paths an alert for this purpose may carry; nothing else leaves. */
  fields: string[];
}

export interface LocalisedText {
  es: string;
  en: string;
}

export interface LegalBasisV1 {
  kind: LegalBasisKind;
  /** Required unless kind is consent or judicial-authorization. */
  citation?: string;
}

export type HumanReview = AlertV1['humanReview'];
export type Priority = AlertV1['priority'];

/** Ids of policies and purposes: lower-case words joined by dashes (delito-en-flagrancia). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LEGAL_BASIS_KINDS = [
  'law',
  'public_function',
  'consent',
  'other_art14',
  'judicial-authorization',
] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

/** Least to most strict: the decision takes the strictest level among matched purposes. */
export const HUMAN_REVIEW_LEVELS = [
  'none',
  'required',
  'two-person',
] as const satisfies readonly HumanReview[];

export const PRIORITIES = [
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly Priority[];

/** Kinds whose basis is a specific citable norm: the citation is mandatory (legal.md rule 3). */
export const KINDS_REQUIRING_CITATION: ReadonlySet<LegalBasisKind> = new Set([
  'law',
  'public_function',
  'other_art14',
]);

/**
 * Municipal CCTV may never serve commercial ends (legal.md rule 2). A purpose id containing any of
 * these words, in English or Spanish, is refused.
 */
export const HARD_DENIED_PURPOSE_WORDS: ReadonlySet<string> = new Set([
  'marketing',
  'commercial',
  'advertising',
  'comercial',
  'publicidad',
  'publicitario',
  'publicitaria',
  'mercadeo',
]);
