import { AdminErrorCode } from './admin.error';
import { expectedVersionOf } from './expected-version.util';

describe(expectedVersionOf.name, () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
  ])('should read If-Match %s', (ifMatch, version) => {
    expect(expectedVersionOf({ ifMatch, bodyVersion: undefined, required: true })).toBe(version);
  });

  it.each([
    [{ ifMatch: 'abc', bodyVersion: undefined, required: false }, AdminErrorCode.InvalidBody],
    [{ ifMatch: '"2"', bodyVersion: 3, required: false }, AdminErrorCode.InvalidBody],
    [
      { ifMatch: undefined, bodyVersion: undefined, required: true },
      AdminErrorCode.PreconditionRequired,
    ],
  ])('should refuse %j', (args, code) => {
    let thrown: unknown;
    try {
      expectedVersionOf(args);
    } catch (error) {
      thrown = error;
    }

    expect((thrown as { code?: string } | undefined)?.code).toBe(code);
  });

  it('should take the body version, or nothing when optional', () => {
    expect(expectedVersionOf({ ifMatch: undefined, bodyVersion: 4, required: true })).toBe(4);
    expect(
      expectedVersionOf({ ifMatch: undefined, bodyVersion: undefined, required: false }),
    ).toBeUndefined();
  });
});
