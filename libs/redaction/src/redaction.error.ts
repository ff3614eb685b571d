import { AppError } from '@lib/common';

export enum RedactionErrorCode {
  InvalidPath = 'redaction_invalid_path',
  /** A transform spec that validateTransformSpec rejects reached compileTransform. */
  InvalidTransform = 'redaction_invalid_transform',
  /** A TransformContext or keyring argument is malformed (occurredAt, purposeId, periodStart). */
  InvalidContext = 'redaction_invalid_context',
  /** The pseudonym master secret is too short to key HKDF safely. */
  InvalidSecret = 'redaction_invalid_secret',
}

/** A projection asked for a path that can never be copied safely; a programming error. */
export class RedactionError extends AppError<RedactionErrorCode> {
  constructor(args: { code: RedactionErrorCode; path: string; detail: string }) {
    super({ code: args.code, message: `${args.detail}: "${args.path}"` });
  }
}
