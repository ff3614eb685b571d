import { AppError } from '@lib/common';

export enum RedactionErrorCode {
  InvalidPath = 'redaction_invalid_path',
}

/** A projection asked for a path that can never be copied safely; a programming error. */
export class RedactionError extends AppError<RedactionErrorCode> {
  constructor(args: { code: RedactionErrorCode; path: string; detail: string }) {
    super({ code: args.code, message: `${args.detail}: "${args.path}"` });
  }
}
