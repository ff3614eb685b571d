import { hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { hkdfKeyring } from './hkdf-keyring';

const SECRET = Buffer.from(
  '8f1c2e7a9b3d4f6e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
  'hex',
);
const PERIOD = '2026-03-14T00:00:00.000Z';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('hkdfKeyring', () => {
  it('should derive the RFC 5869 key for the purpose and period', () => {
    const key = hkdfKeyring(SECRET).keyFor({ purposeId: 'p', periodStart: PERIOD });
    const info = `tamiz/pseudonym/v1|p|${PERIOD}`;
    expect(key).toEqual(Buffer.from(hkdfSync('sha256', SECRET, Buffer.alloc(0), info, 32)));
    expect(key).toHaveLength(32);
  });

  it.each<[string, { purposeId: string; periodStart: string }]>([
    ['another purpose', { purposeId: 'q', periodStart: PERIOD }],
    ['another period', { purposeId: 'p', periodStart: '2026-03-15T00:00:00.000Z' }],
  ])('should derive an unrelated key for %s', (_name, args) => {
    const keys = hkdfKeyring(SECRET);
    expect(keys.keyFor(args)).not.toEqual(keys.keyFor({ purposeId: 'p', periodStart: PERIOD }));
  });

  it('should hand out copies, so a caller cannot alter the cached key', () => {
    const keys = hkdfKeyring(SECRET);
    const first = keys.keyFor({ purposeId: 'p', periodStart: PERIOD });
    const expected = Buffer.from(first);
    first.fill(0);
    expect(keys.keyFor({ purposeId: 'p', periodStart: PERIOD })).toEqual(expected);
  });

  it('should not depend on the caller keeping its secret buffer intact', () => {
    const secret = Buffer.from(SECRET);
    const keys = hkdfKeyring(secret);
    secret.fill(0);
    expect(keys.keyFor({ purposeId: 'p', periodStart: PERIOD })).toEqual(
      hkdfKeyring(SECRET).keyFor({ purposeId: 'p', periodStart: PERIOD }),
    );
  });

  it('should derive the same keys after many others have pushed them out of its cache', () => {
    const keys = hkdfKeyring(SECRET);
    const before = keys.keyFor({ purposeId: 'p', periodStart: PERIOD });
    for (let i = 0; i < 40; i++) {
      keys.keyFor({ purposeId: `p${i}`, periodStart: PERIOD });
    }
    expect(keys.keyFor({ purposeId: 'p', periodStart: PERIOD })).toEqual(before);
  });

  it.each<[string, (keys: object) => string]>([
    ['JSON.stringify', (keys) => JSON.stringify({ keys })],
    ['String', (keys) => (keys as { toString(): string }).toString()],
    ['util.inspect', (keys) => inspect(keys, { showHidden: true, depth: 5 })],
  ])('should print [redacted] through %s', (_name, print) => {
    const text = print(hkdfKeyring(SECRET));
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(SECRET.toString('hex'));
    expect(text).not.toContain(SECRET.toString('base64'));
  });

  it.each<[string, unknown]>([
    ['a short secret', Buffer.alloc(16, 1)],
    ['an empty secret', Buffer.alloc(0)],
    ['a string', SECRET.toString('hex')],
  ])('should refuse %s with redaction_invalid_secret', (_name, secret) => {
    const error = thrownBy(() => hkdfKeyring(secret as Buffer));
    expect(error).toBeInstanceOf(RedactionError);
    expect(error).toMatchObject({ code: RedactionErrorCode.InvalidSecret });
    expect((error as Error).message).not.toContain(SECRET.toString('hex'));
  });

  it.each<[string, { purposeId: string; periodStart: string }]>([
    ['an empty purpose', { purposeId: '', periodStart: PERIOD }],
    ['a huge purpose', { purposeId: 'p'.repeat(300), periodStart: PERIOD }],
    ['a date without time', { purposeId: 'p', periodStart: '2026-03-14' }],
    ['a second spelling of an instant', { purposeId: 'p', periodStart: '2026-03-14T00:00:00Z' }],
    ['an offset', { purposeId: 'p', periodStart: '2026-03-13T19:00:00.000-05:00' }],
  ])('should refuse %s with redaction_invalid_context', (_name, args) => {
    expect(thrownBy(() => hkdfKeyring(SECRET).keyFor(args))).toMatchObject({
      code: RedactionErrorCode.InvalidContext,
    });
  });
});
