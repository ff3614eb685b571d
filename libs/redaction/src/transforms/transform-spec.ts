/** Snapshot regions the pixel redactor can blur; the order here is the order instructions list. */
export const REDACT_REGIONS = ['face', 'plate', 'person'] as const;
export type RedactRegion = (typeof REDACT_REGIONS)[number];

export interface MaskSpec {
  /** Characters (code points) shown at the start; 0..64, default 0. */
  keepFirst?: number;
  /** Characters (code points) shown at the end; 0..64, default 0. */
  keepLast?: number;
  /** One printable character; default `*`. */
  char?: string;
}

export interface PseudonymizeSpec {
  /** ISO 8601 duration of fixed length that divides a day, at most P1D (legal.md rule 31). */
  rotate: string;
}

export type GeneralizeSpec =
  /** Age → "30-39" label for a band of this many years (2..100). */
  | { ageBand: number }
  /** RFC 3339 time → floored to this many minutes, a divisor of 1440 (one UTC day). */
  | { minutes: number }
  /** `{ lat, lon }` → centre of a grid cell this many metres wide (10..1,000,000). */
  | { meters: number }
  /** Normalised bounding box → snapped outwards to a 1/N grid (1..100). */
  | { boxGrid: number };

export type BucketSpec =
  /** Number → floor(v / size) · size. */
  | { size: number }
  /** Number → interval label "[a,b)", with open-ended first and last intervals. */
  | { edges: readonly number[] };

/** What a DPO writes per field in a policy; plain data, so YAML and JSON round-trip it. */
export type TransformSpec =
  | 'keep'
  | 'drop'
  | { mask: MaskSpec }
  | { pseudonymize: PseudonymizeSpec }
  | { generalize: GeneralizeSpec }
  | { bucket: BucketSpec }
  | { redact: readonly RedactRegion[] };

/** Returned by `apply` when the field must not appear in the output at all. */
export const DROP: unique symbol = Symbol('tamiz.redaction.drop');
export type Dropped = typeof DROP;

/** Per-(purpose, period) HMAC keys; injected so the secret stays outside the pure lib. */
export interface PseudonymKeyring {
  /** `periodStart` is an RFC 3339 UTC instant such as `2026-03-14T00:00:00.000Z`. */
  keyFor(args: { purposeId: string; periodStart: string }): Buffer;
}

export interface TransformContext {
  purposeId: string;
  /** RFC 3339 time of the event (`data.occurredAt`), never the clock: replays give equal output. */
  occurredAt: string;
  keyring: PseudonymKeyring;
}

export interface CompiledTransform {
  /** `keep`, `mask`, `generalize.minutes`, … — the kind, never a parameter or a secret. */
  readonly name: string;
  /** Returns the transformed value or `DROP`; never mutates `value`. */
  apply(value: unknown, ctx: TransformContext): unknown;
}

/** Attached to an alert so the pixel redactor knows which snapshot regions to blur. */
export interface RedactionInstruction {
  readonly regions: readonly RedactRegion[];
}

export enum TransformIssueCode {
  /** The spec, a parameter block or a list has the wrong JSON type. */
  InvalidType = 'invalid_type',
  UnknownTransform = 'unknown_transform',
  /** An object spec must hold exactly one transform. */
  OneTransformPerField = 'one_transform_per_field',
  UnknownParameter = 'unknown_parameter',
  MissingParameter = 'missing_parameter',
  ConflictingParameters = 'conflicting_parameters',
  InvalidParameter = 'invalid_parameter',
  InvalidDuration = 'invalid_duration',
  RotationTooLong = 'rotation_too_long',
  RotationMisaligned = 'rotation_misaligned',
  EdgesNotIncreasing = 'edges_not_increasing',
  Empty = 'empty',
  DuplicateValue = 'duplicate_value',
}

export interface TransformIssue {
  /** JSON Pointer (RFC 6901) below the path the caller passed in. */
  path: string;
  code: TransformIssueCode;
  /** es-PE first: the DPO reads this. */
  es: string;
  en: string;
}
