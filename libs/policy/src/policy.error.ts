import { AppError } from '@lib/common';

export enum PolicyErrorCode {
  /** The text is not well-formed YAML or JSON. */
  Unparsable = 'policy_unparsable',
  /** The document parsed but breaks the policy v1 rules; `issues` lists every problem. */
  Invalid = 'policy_invalid',
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
