import { PersistenceError, PersistenceErrorCode } from './persistence.error';

function withCode(code: string, message = 'driver error'): Error {
  return Object.assign(new Error(message), { code });
}

describe(PersistenceError.name, () => {
  it.each([
    { case: 'the server refuses the connection', cause: withCode('ECONNREFUSED'), retriable: true },
    { case: 'the host name does not resolve yet', cause: withCode('ENOTFOUND'), retriable: true },
    { case: 'PostgreSQL is starting up', cause: withCode('57P03'), retriable: true },
    { case: 'the connection broke', cause: withCode('08006'), retriable: true },
    { case: 'a deadlock was detected', cause: withCode('40P01'), retriable: true },
    { case: 'SQLite is busy', cause: withCode('SQLITE_BUSY_SNAPSHOT'), retriable: true },
    {
      case: 'pg dropped the socket',
      cause: new Error('Connection terminated unexpectedly'),
      retriable: true,
    },
    {
      case: 'every address attempt was refused',
      cause: new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      retriable: true,
    },
    {
      case: 'a wrapper keeps the driver error',
      cause: Object.assign(new Error('query failed'), { driverError: withCode('40001') }),
      retriable: true,
    },
    { case: 'the password is wrong', cause: withCode('28P01'), retriable: false },
    { case: 'a constraint is violated', cause: withCode('23505'), retriable: false },
    { case: 'the SQLite file cannot open', cause: withCode('SQLITE_CANTOPEN'), retriable: false },
    { case: 'the cause is not an error', cause: 'boom', retriable: false },
  ])('should set retriable=$retriable when $case', ({ cause, retriable }) => {
    const error = PersistenceError.from({
      code: PersistenceErrorCode.QueryFailed,
      message: 'failed',
      cause,
    });

    expect(error).toMatchObject({ code: PersistenceErrorCode.QueryFailed, retriable, cause });
    expect(error.name).toBe('PersistenceError');
  });
});
