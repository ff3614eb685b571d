import { isCanonicalDateTime } from './date-time';

describe('isCanonicalDateTime', () => {
  it.each([
    '2026-03-14T08:00:00Z',
    '2026-03-14T08:00:00.000Z',
    '2026-03-14T08:00:00.123456789Z',
    '2026-03-14T03:00:00-05:00',
    '2026-03-14T23:59:59+14:00',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
  ])('should accept %s', (value) => {
    expect(isCanonicalDateTime(value)).toBe(true);
    expect(Number.isNaN(Date.parse(value))).toBe(false);
  });

  it.each([
    ['no zone', '2026-03-14T08:00:00'],
    ['no seconds', '2026-03-14T08:00Z'],
    ['a space separator', '2026-03-14 08:00:00Z'],
    ['lower-case t and z', '2026-03-14t08:00:00z'],
    ['30 February', '2026-02-30T08:00:00Z'],
    ['29 February in a common year', '2026-02-29T08:00:00Z'],
    ['29 February in 1900', '1900-02-29T08:00:00Z'],
    ['month 13', '2026-13-01T08:00:00Z'],
    ['day 0', '2026-03-00T08:00:00Z'],
    ['hour 24', '2026-03-14T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['an offset without a colon', '2026-03-14T08:00:00-0500'],
    ['an offset of 24 hours', '2026-03-14T08:00:00+24:00'],
    ['an empty fraction', '2026-03-14T08:00:00.Z'],
    ['a date only', '2026-03-14'],
    ['epoch seconds', '1773475200'],
    ['a trailing newline', '2026-03-14T08:00:00Z\n'],
  ])('should reject %s', (_label, value) => {
    expect(isCanonicalDateTime(value)).toBe(false);
  });
});
