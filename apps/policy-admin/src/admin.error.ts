import { AppError } from '@lib/common';

export enum AdminErrorCode {
  Unauthenticated = 'admin_unauthenticated',
  Forbidden = 'admin_forbidden',
  SelfApproval = 'admin_self_approval',
  NotFound = 'admin_not_found',
  StaleVersion = 'admin_stale_version',
  InvalidState = 'admin_invalid_state',
  AlreadyExists = 'admin_already_exists',
  InvalidBody = 'admin_invalid_body',
  PolicyInvalid = 'admin_policy_invalid',
  ImportInvalid = 'admin_import_invalid',
  PreconditionRequired = 'admin_precondition_required',
  PublishFailed = 'admin_publish_failed',
}

/** One problem at a place in the input: a JSON pointer, or a row and field of an import. */
export interface AdminIssue {
  path: string;
  row?: number;
  code?: string;
  es: string;
  en: string;
}

/** Errors of the admin API; the HTTP filter maps each code to a status in one place. */
export class AdminError extends AppError<AdminErrorCode> {
  readonly es: string;
  readonly en: string;
  readonly issues: AdminIssue[];

  constructor(args: {
    code: AdminErrorCode;
    es: string;
    en: string;
    issues?: AdminIssue[];
    retriable?: boolean;
    cause?: unknown;
  }) {
    super({ code: args.code, message: args.en, retriable: args.retriable, cause: args.cause });
    this.es = args.es;
    this.en = args.en;
    this.issues = args.issues ?? [];
  }

  static notFound(what: string, id: string): AdminError {
    return new AdminError({
      code: AdminErrorCode.NotFound,
      es: `No existe ${what.split('/')[0]}: ${id}`,
      en: `No such ${what.split('/')[1] ?? what}: ${id}`,
    });
  }

  static stale(current: number): AdminError {
    return new AdminError({
      code: AdminErrorCode.StaleVersion,
      es: `Versión desactualizada: el registro va por la versión ${current}; vuelva a leerlo.`,
      en: `Stale version: the record is at version ${current}; read it again.`,
    });
  }
}
