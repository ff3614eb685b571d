import { parseInstant, zoneClock } from './event-time';
import type { TimeWindowV2 } from './policy-document-v2';
import { compileWindows } from './time-windows';

const at = (iso: string): number => {
  const ms = parseInstant(iso);
  expect(Number.isNaN(ms)).toBe(false);
  return ms;
};

describe('parseInstant', () => {
  it.each<[string, string]>([
    ['2026-03-14T08:00:01Z', '2026-03-14T08:00:01.000Z'],
    ['2026-03-14T08:00:01.123456789Z', '2026-03-14T08:00:01.123Z'],
    ['2026-03-14T03:00:01.5-05:00', '2026-03-14T08:00:01.500Z'],
    ['2026-03-14T13:30:01+05:30', '2026-03-14T08:00:01.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0100-01-01T00:00:00Z', '0100-01-01T00:00:00.000Z'],
    ['2026-03-14T08:00:01-23:59', '2026-03-15T07:59:01.000Z'],
  ])('should read %s', (text, iso) => {
    expect(new Date(parseInstant(text)).toISOString()).toBe(iso);
  });

  it.each([
    '2026-03-14 08:00:01Z',
    '2026-03-14T08:00:01',
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-03-14T24:00:00Z',
    '2026-03-14T08:00:60Z',
    '2026-03-14T08:00:01+24:00',
    '2026-03-14T08:00:01+05:60',
    '0099-12-31T23:59:59Z',
    'yesterday',
  ])('should refuse %p', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});

describe('ZoneClock', () => {
  it.each<[string, string, number, string]>([
    ['America/Lima', '2026-03-17T03:00:00Z', 0, '22:00'],
    ['America/Lima', '2026-03-16T05:00:00Z', 0, '00:00'],
    // Madrid moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026
    ['Europe/Madrid', '2026-03-29T00:59:59Z', 6, '01:59'],
    ['Europe/Madrid', '2026-03-29T01:00:00Z', 6, '03:00'],
    // and back at 01:00 UTC on 25 October 2026: 02:30 happens twice
    ['Europe/Madrid', '2026-10-25T00:30:00Z', 6, '02:30'],
    ['Europe/Madrid', '2026-10-25T01:30:00Z', 6, '02:30'],
    ['Asia/Kolkata', '2026-03-14T18:29:00Z', 5, '23:59'],
  ])('should read %s local time at %s', (zone, iso, weekday, hhmm) => {
    const local = zoneClock(zone).localTime(at(iso));
    const minute = `${String(Math.floor(local.minute / 60)).padStart(2, '0')}:${String(local.minute % 60).padStart(2, '0')}`;
    expect({ weekday: local.weekday, minute }).toEqual({ weekday, minute: hhmm });
  });
});

describe('compileWindows', () => {
  const matcher = (windows: TimeWindowV2[], zone = 'America/Lima') =>
    compileWindows({ windows, defaultZone: zone });

  it.each<[string, TimeWindowV2[], string, boolean]>([
    [
      'inside a weekday window',
      [{ days: ['tue'], from: '06:30', to: '08:30' }],
      '2026-03-17T12:00:00Z',
      true,
    ],
    ['at its start', [{ days: ['tue'], from: '06:30', to: '08:30' }], '2026-03-17T11:30:00Z', true],
    [
      'at its end (exclusive)',
      [{ days: ['tue'], from: '06:30', to: '08:30' }],
      '2026-03-17T13:30:00Z',
      false,
    ],
    [
      'on another day',
      [{ days: ['wed'], from: '06:30', to: '08:30' }],
      '2026-03-17T12:00:00Z',
      false,
    ],
    [
      'every day when days is absent',
      [{ from: '00:00', to: '24:00' }],
      '2026-03-21T04:59:59Z',
      true,
    ],
    [
      'an overnight window before midnight',
      [{ days: ['fri'], from: '22:00', to: '06:00' }],
      '2026-03-21T03:30:00Z',
      true,
    ],
    [
      'an overnight window after midnight, on the next day',
      [{ days: ['fri'], from: '22:00', to: '06:00' }],
      '2026-03-21T10:30:00Z',
      true,
    ],
    [
      'an overnight window, not on the listed day',
      [{ days: ['fri'], from: '22:00', to: '06:00' }],
      '2026-03-20T10:30:00Z',
      false,
    ],
    [
      'one of two windows',
      [
        { from: '01:00', to: '02:00' },
        { from: '07:00', to: '08:00' },
      ],
      '2026-03-17T12:15:00Z',
      true,
    ],
  ])('should match %s', (_what, windows, iso, expected) => {
    expect(matcher(windows)(at(iso))).toBe(expected);
  });

  it('should follow a window zone across a DST change', () => {
    const morning = matcher([{ from: '08:00', to: '09:00', timeZone: 'Europe/Madrid' }]);
    expect(morning(at('2026-03-28T07:30:00Z'))).toBe(true); // 08:30 CET
    expect(morning(at('2026-03-29T07:30:00Z'))).toBe(false); // 09:30 CEST
    expect(morning(at('2026-03-29T06:30:00Z'))).toBe(true); // 08:30 CEST
  });

  it('should never match an unreadable instant', () => {
    expect(matcher([{ from: '00:00', to: '24:00' }])(NaN)).toBe(false);
  });
});
