import { AppError } from '@lib/common';

export enum EvidenceErrorCode {
  /** An event id that cannot name a file safely (empty, too long, path characters). */
  InvalidId = 'evidence_invalid_id',
  /** A content type that is not a plain `type/subtype`. */
  InvalidContentType = 'evidence_invalid_content_type',
  /** A stored file that does not parse: truncated or written by something else. */
  Corrupt = 'evidence_corrupt',
  /** Encrypted evidence, and this store has no key or another one. */
  KeyRequired = 'evidence_key_required',
  /** The filesystem refused a read or write; retriable. */
  Io = 'evidence_io',
  /** The snapshot queue was closed and takes no more jobs. */
  QueueClosed = 'evidence_queue_closed',
  /** Queue options out of range. */
  InvalidOptions = 'evidence_invalid_options',
}

export class EvidenceError extends AppError<EvidenceErrorCode> {
  constructor(args: { code: EvidenceErrorCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: args.code === EvidenceErrorCode.Io });
  }
}
