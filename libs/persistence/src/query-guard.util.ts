import { PersistenceError, PersistenceErrorCode } from './persistence.error';

/** Runs one repository operation and wraps any driver error with its operation name. */
export async function guardQuery<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PersistenceError) {
      throw error;
    }
    throw PersistenceError.from({
      code: PersistenceErrorCode.QueryFailed,
      message: `${operation} failed`,
      cause: error,
    });
  }
}
