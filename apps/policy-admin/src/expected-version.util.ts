import { AdminError, AdminErrorCode } from './admin.error';

/**
 * The row version a write expects, from `If-Match` (`"3"`, `W/"3"` or `3`) or the body's
 * `expectedVersion`; both given must agree. `required` writes without one get 428.
 */
export function expectedVersionOf(args: {
  ifMatch: string | undefined;
  bodyVersion: number | undefined;
  required: boolean;
}): number | undefined {
  let fromHeader: number | undefined;
  if (args.ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(args.ifMatch.trim());
    if (!match) {
      throw new AdminError({
        code: AdminErrorCode.InvalidBody,
        es: 'If-Match debe ser la versión del registro, p. ej. "3".',
        en: 'If-Match must be the record version, e.g. "3".',
        issues: [{ path: 'If-Match', es: 'Formato inválido.', en: 'Invalid format.' }],
      });
    }
    fromHeader = Number(match[1]);
  }
  if (
    fromHeader !== undefined &&
    args.bodyVersion !== undefined &&
    fromHeader !== args.bodyVersion
  ) {
    throw new AdminError({
      code: AdminErrorCode.InvalidBody,
      es: 'If-Match y expectedVersion no coinciden.',
      en: 'If-Match and expectedVersion disagree.',
    });
  }
  const expected = fromHeader ?? args.bodyVersion;
  if (expected === undefined && args.required) {
    throw new AdminError({
      code: AdminErrorCode.PreconditionRequired,
      es: 'Indique la versión leída (If-Match o expectedVersion).',
      en: 'Send the version you read (If-Match or expectedVersion).',
    });
  }
  return expected;
}
