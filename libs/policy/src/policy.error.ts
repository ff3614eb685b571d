import { AppError } from '@lib/common';

export enum PolicyErrorCode {
  /** The text is not well-formed YAML or JSON. */
  Unparsable = 'policy_unparsable',
  /** The document parsed but breaks the policy rules of its apiVersion; `issues` lists every problem. */
  Invalid = 'policy_invalid',
  /** The policy pseudonymises a field but `compilePolicy` was given no keyring to key it with. */
  KeyringRequired = 'policy_keyring_required',
}

export enum PolicyIssueCode {
  Syntax = 'syntax',
  DuplicateKey = 'duplicate_key',
  InvalidType = 'invalid_type',
  UnknownKey = 'unknown_key',
  Required = 'required',
  InvalidValue = 'invalid_value',
  InvalidFormat = 'invalid_format',
  OutOfRange = 'out_of_range',
  Empty = 'empty',
  DuplicateId = 'duplicate_id',
  DuplicateValue = 'duplicate_value',
  UnknownFieldPath = 'unknown_field_path',
  FieldPathTooBroad = 'field_path_too_broad',
  ProhibitedField = 'prohibited_field',
  RequiresAuthorization = 'requires_authorization',
  HardDeniedPurpose = 'hard_denied_purpose',
  // policy v2
  MissingLegalBasis = 'missing_legal_basis',
  ConflictingPurposes = 'conflicting_purposes',
  InvalidWindow = 'invalid_window',
  InvalidTimeZone = 'invalid_time_zone',
  InvalidCel = 'invalid_cel',
  UnknownRetentionClass = 'unknown_retention_class',
  UnknownPurpose = 'unknown_purpose',
  InvalidValidity = 'invalid_validity',
  TransformNotApplicable = 'transform_not_applicable',
  OverlappingFields = 'overlapping_fields',
  KeyringRequired = 'keyring_required',
  // a field's transform, as @lib/redaction reports it (same codes)
  UnknownTransform = 'unknown_transform',
  OneTransformPerField = 'one_transform_per_field',
  UnknownParameter = 'unknown_parameter',
  MissingParameter = 'missing_parameter',
  ConflictingParameters = 'conflicting_parameters',
  InvalidParameter = 'invalid_parameter',
  InvalidDuration = 'invalid_duration',
  RotationTooLong = 'rotation_too_long',
  RotationMisaligned = 'rotation_misaligned',
  EdgesNotIncreasing = 'edges_not_increasing',
}

export interface PolicyIssue {
  /** JSON Pointer (RFC 6901) into the document, e.g. `/purposes/1/fields/3`; '' is the root. */
  path: string;
  code: PolicyIssueCode;
  /** es-PE first: the DPO reads this. */
  es: string;
  en: string;
}

/** A policy that cannot be activated, with every problem found (never just the first). */
export class PolicyError extends AppError<PolicyErrorCode> {
  readonly issues: PolicyIssue[];

  constructor(args: { code: PolicyErrorCode; issues: PolicyIssue[] }) {
    const lines = args.issues.map((i) => `${i.path || '/'} ${i.code}: ${i.en}`);
    super({
      code: args.code,
      message: `Política inválida / invalid policy (${args.issues.length}):\n  - ${lines.join('\n  - ')}`,
    });
    this.issues = args.issues;
  }
}
