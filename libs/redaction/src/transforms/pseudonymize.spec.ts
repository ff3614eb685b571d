import { createHmac, hkdfSync } from 'node:crypto';
import { RedactionError, RedactionErrorCode } from '../redaction.error';
import { compileTransform } from './compile-transform';
import { hkdfKeyring } from './hkdf-keyring';
import { DROP, type PseudonymKeyring, type TransformContext } from './transform-spec';

const SECRET = Buffer.from(
  '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  'hex',
);
const keyring = hkdfKeyring(SECRET);
const daily = compileTransform({ pseudonymize: { rotate: 'P1D' } });
const PSEUDONYM = /^ps_[a-z2-7]{26}$/;

const context = (overrides: Partial<TransformContext> = {}): TransformContext => ({
  purposeId: 'delito-en-flagrancia',
  occurredAt: '2026-03-14T08:00:00.000Z',
  keyring,
  ...overrides,
});

/** The algorithm as the README states it, written independently, for other languages to follow. */
function reference(args: { message: string; purposeId: string; periodStart: string }): string {
  const info = `tamiz/pseudonym/v1|${args.purposeId}|${args.periodStart}`;
  const key = Buffer.from(hkdfSync('sha256', SECRET, Buffer.alloc(0), info, 32));
  const mac = createHmac('sha256', key).update(args.message).digest().subarray(0, 16);
  const bits = [...mac].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  const groups = bits.padEnd(130, '0').match(/.{5}/g) ?? [];
  return `ps_${groups.map((g) => 'abcdefghijklmnopqrstuvwxyz234567'[parseInt(g, 2)]).join('')}`;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compileTransform: pseudonymize', () => {
  it('should match the documented algorithm and its golden value', () => {
    const out = daily.apply('ABC123', context());
    expect(out).toBe(
      reference({
        message: 'PT86400S|s:ABC123',
        purposeId: 'delito-en-flagrancia',
        periodStart: '2026-03-14T00:00:00.000Z',
      }),
    );
    // pinned: a change here re-links nobody but breaks continuity within a live period
    expect(out).toBe('ps_rdqydxwffv5s364cxx6j2mjr4q');
  });

  it.each<[string, string, string]>([
    ['P1D', '2026-03-14T23:59:59.999Z', '2026-03-14T00:00:00.000Z'],
    ['P1D', '2026-03-14T20:00:00-05:00', '2026-03-15T00:00:00.000Z'],
    ['PT24H', '2026-03-14T08:00:00Z', '2026-03-14T00:00:00.000Z'],
    ['PT6H', '2026-03-14T11:59:59Z', '2026-03-14T06:00:00.000Z'],
    ['PT1H', '1969-12-31T23:30:00.000Z', '1969-12-31T23:00:00.000Z'],
  ])('%s should key %s with the period starting %s', (rotate, occurredAt, periodStart) => {
    const seconds = { P1D: 86400, PT24H: 86400, PT6H: 21600, PT1H: 3600 }[rotate];
    const out = compileTransform({ pseudonymize: { rotate } }).apply(
      'ABC123',
      context({ occurredAt }),
    );
    expect(out).toBe(
      reference({
        message: `PT${seconds}S|s:ABC123`,
        purposeId: 'delito-en-flagrancia',
        periodStart,
      }),
    );
  });

  it.each<[string, unknown, unknown]>([
    ['equal strings', 'ABC123', 'ABC123'],
    [
      'objects whatever their key order',
      { country: 'PE', value: 'ABC123' },
      { value: 'ABC123', country: 'PE' },
    ],
    ['equal numbers however written', 1e3, 1000],
  ])('should give %s one pseudonym', (_name, a, b) => {
    expect(daily.apply(a, context())).toBe(daily.apply(b, context()));
  });

  it.each<[string, unknown, unknown]>([
    ['a string and the number it spells', '5', 5],
    ['a string and its JSON', 'true', true],
    ['different case', 'abc123', 'ABC123'],
  ])('should tell %s apart', (_name, a, b) => {
    expect(daily.apply(a, context())).not.toBe(daily.apply(b, context()));
  });

  it.each<[string, Partial<TransformContext>]>([
    ['the next period', { occurredAt: '2026-03-15T00:00:00.000Z' }],
    ['another purpose', { purposeId: 'estadistica-incidentes' }],
    ['another master secret', { keyring: hkdfKeyring(Buffer.alloc(32, 1)) }],
  ])('should give an unrelated pseudonym under %s', (_name, overrides) => {
    expect(daily.apply('ABC123', context(overrides))).not.toBe(daily.apply('ABC123', context()));
  });

  it('should keep rotations apart even when their periods start together', () => {
    const hourly = compileTransform({ pseudonymize: { rotate: 'PT1H' } });
    const at = context({ occurredAt: '2026-03-14T00:10:00Z' });
    expect(hourly.apply('ABC123', at)).not.toBe(daily.apply('ABC123', at));
  });

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['a number', 42],
    ['a boolean', false],
    ['a list', ['a', 1]],
    ['an object', { value: 'ABC123' }],
  ])('should pseudonymise %s', (_name, value) => {
    expect(daily.apply(value, context())).toMatch(PSEUDONYM);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['NaN', NaN],
    ['a bigint', 10n],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['an object holding Infinity', { value: Infinity }],
  ])('should drop %s', (_name, value) => {
    expect(daily.apply(value, context())).toBe(DROP);
  });

  it.each(['2026-03-14', '2026-03-14 08:00:00Z', 'yesterday', ''])(
    'should refuse an occurredAt of %p with redaction_invalid_context',
    (occurredAt) => {
      const error = thrownBy(() => daily.apply('ABC123', context({ occurredAt })));
      expect(error).toBeInstanceOf(RedactionError);
      expect(error).toMatchObject({ code: RedactionErrorCode.InvalidContext });
    },
  );

  it('should ask the keyring once per purpose and period', () => {
    const keyFor = jest.fn(keyring.keyFor);
    const counting: PseudonymKeyring = { keyFor };
    const hourly = compileTransform({ pseudonymize: { rotate: 'PT1H' } });
    for (const minute of ['00', '10', '59']) {
      hourly.apply(
        'ABC123',
        context({ keyring: counting, occurredAt: `2026-03-14T08:${minute}:00Z` }),
      );
    }
    hourly.apply('ABC123', context({ keyring: counting, occurredAt: '2026-03-14T09:00:00Z' }));
    expect(keyFor.mock.calls).toEqual([
      [{ purposeId: 'delito-en-flagrancia', periodStart: '2026-03-14T08:00:00.000Z' }],
      [{ purposeId: 'delito-en-flagrancia', periodStart: '2026-03-14T09:00:00.000Z' }],
    ]);
  });
});
