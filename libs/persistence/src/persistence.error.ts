import { AppError } from '@lib/common';

export enum PersistenceErrorCode {
  ConnectionFailed = 'persistence_connection_failed',
  MigrationFailed = 'persistence_migration_failed',
  QueryFailed = 'persistence_query_failed',
}

export class PersistenceError extends AppError<PersistenceErrorCode> {
  /** Wraps a driver error; `retriable` says whether the same call may succeed later unchanged. */
  static from(args: {
    code: PersistenceErrorCode;
    message: string;
    cause: unknown;
  }): PersistenceError {
    return new PersistenceError({ ...args, retriable: isTransientDatabaseError(args.cause) });
  }
}

// Socket-level failures: the server is down, restarting or unreachable for now.
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  // In compose/Kubernetes the database host name appears only once its container is up.
  'ENOTFOUND',
]);

// SQLSTATE: 08 connection exception, 53300 too many connections, 57P01-57P03 admin shutdown /
// crash shutdown / cannot connect now, 40001 serialization failure, 40P01 deadlock.
const TRANSIENT_SQLSTATE = /^(08...|53300|57P0[123]|40001|40P01)$/;

// better-sqlite3 codes: another connection holds the lock; retrying after it is released works.
const TRANSIENT_SQLITE = /^SQLITE_(BUSY|LOCKED)/;

// node-postgres reports a dropped socket or connect timeout without any code.
const TRANSIENT_MESSAGE = /Connection terminated|timeout expired/i;

function isTransientDatabaseError(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: socket errors are created by Node's own realm, which is
  // not the caller's under Jest (or any vm context), so instanceof would say false.
  let current: unknown = error;
  for (let depth = 0; isObject(current) && depth < 5; depth++) {
    const { code, message, errors } = current as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (
        TRANSIENT_ERRNO.has(code) ||
        TRANSIENT_SQLSTATE.test(code) ||
        TRANSIENT_SQLITE.test(code)
      ) {
        return true;
      }
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) {
      return true;
    }
    // An AggregateError (e.g. one attempt per resolved address) is transient if any attempt was.
    if (Array.isArray(errors) && errors.length > 0) {
      return errors.some((inner) => isTransientDatabaseError(inner));
    }
    // TypeORM keeps the driver's error in `driverError`; AppError and others in `cause`.
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
