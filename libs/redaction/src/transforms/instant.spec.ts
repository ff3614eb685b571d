import fc from 'fast-check';
import { formatInstant, MAX_INSTANT_MS, MIN_INSTANT_MS, parseInstant } from './instant';

describe('parseInstant', () => {
  it.each<[string, number]>([
    ['1970-01-01T00:00:00Z', 0],
    ['2026-03-14T08:00:00.000Z', Date.UTC(2026, 2, 14, 8)],
    ['2026-03-14T03:00:00-05:00', Date.UTC(2026, 2, 14, 8)],
    ['2026-03-14T13:30:00+05:30', Date.UTC(2026, 2, 14, 8)],
    ['2026-03-14T08:00:00.1Z', Date.UTC(2026, 2, 14, 8, 0, 0, 100)],
    // sub-millisecond digits are truncated, never rounded up into the next millisecond
    ['2026-03-14T08:00:00.999999999Z', Date.UTC(2026, 2, 14, 8, 0, 0, 999)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['1969-12-31T23:59:59.999Z', -1],
    ['0000-01-01T00:00:00.000Z', MIN_INSTANT_MS],
    ['9999-12-31T23:59:59.999Z', MAX_INSTANT_MS],
  ])('should read %s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '2026-03-14',
    '2026-03-14T08:00Z',
    '2026-03-14T08:00:00',
    '2026-03-14 08:00:00Z',
    '2026-03-14t08:00:00z',
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-03-14T24:00:00Z',
    '2026-03-14T08:60:00Z',
    '2026-03-14T08:00:60Z',
    '2026-03-14T08:00:00+24:00',
    '2026-03-14T08:00:00.Z',
    '+002026-03-14T08:00:00Z',
    '',
  ])('should refuse %p', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it('should agree with Date.parse on every instant with 4-digit years and any offset', () => {
    const offsetArb = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).map((minutes) => {
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      const two = (n: number): string => String(n).padStart(2, '0');
      return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
    });
    expect(() =>
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1, 0, 2), max: Date.UTC(9999, 11, 30) }),
          offsetArb,
          (ms, offset) => {
            const text = new Date(ms).toISOString();
            const local = `${text.slice(0, -1)}${offset}`;
            return parseInstant(text) === ms && parseInstant(local) === Date.parse(local);
          },
        ),
        { numRuns: 10_000 },
      ),
    ).not.toThrow();
  });
});

describe('formatInstant', () => {
  it.each<[number, string | undefined]>([
    [0, '1970-01-01T00:00:00.000Z'],
    [MIN_INSTANT_MS, '0000-01-01T00:00:00.000Z'],
    [MAX_INSTANT_MS, '9999-12-31T23:59:59.999Z'],
    [MIN_INSTANT_MS - 1, undefined],
    [MAX_INSTANT_MS + 1, undefined],
    [NaN, undefined],
  ])('should write %p as %p', (ms, text) => {
    expect(formatInstant(ms)).toBe(text);
  });
});
