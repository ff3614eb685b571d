import { AppError } from '@lib/common';

export enum RedactionErrorCode {
  InvalidPath = 'redaction_invalid_path',
  /** A transform spec that validateTransformSpec rejects reached compileTransform. */
  InvalidTransform = 'redaction_invalid_transform',
  /** A TransformContext or keyring argument is malformed (occurredAt, purposeId, periodStart). */
  InvalidContext = 'redaction_invalid_context',
  /** The pseudonym master secret is too short to key HKDF safely. */
  InvalidSecret = 'redaction_invalid_secret',
  /** Snapshot bytes that are not a decodable JPEG. */
  InvalidImage = 'redaction_invalid_image',
  /** Snapshot larger than the configured byte or pixel limit. */
  ImageTooLarge = 'redaction_image_too_large',
  /** A region box outside 0..1, empty, non-finite, or of an unknown kind. */
  InvalidRegion = 'redaction_invalid_region',
  /** Redaction options out of range (quality, block size). */
  InvalidOptions = 'redaction_invalid_options',
}

/** A projection asked for a path that can never be copied safely; a programming error. */
export class RedactionError extends AppError<RedactionErrorCode> {
  constructor(args: { code: RedactionErrorCode; path: string; detail: string; cause?: unknown }) {
    super({ code: args.code, message: `${args.detail}: "${args.path}"`, cause: args.cause });
  }
}
