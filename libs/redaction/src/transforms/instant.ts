// RFC 3339 with seconds and a zone, upper-case T and Z: the form libs/contracts accepts for
// occurredAt. Parsed by hand because Date.parse costs about a microsecond per call and accepts
// other, zone-dependent forms.
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the range `toISOString` writes as 4-digit years. */
export const MIN_INSTANT_MS = -62_167_219_200_000;
export const MAX_INSTANT_MS = 253_402_300_799_999;

function digits(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    n = n * 10 + value.charCodeAt(i) - 48;
  }
  return n;
}

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible
// low-level date algorithms"); exact integer arithmetic, no Date object.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Milliseconds since the epoch (sub-millisecond digits truncated), or NaN if not RFC 3339. */
export function parseInstant(value: string): number {
  if (!SHAPE.test(value)) {
    return NaN;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  const inRange =
    month >= 1 && month <= 12 && day >= 1 && day <= monthDays && hour <= 23 && minute <= 59;
  // no leap second: Date and every consumer of our output reject :60
  if (!inRange || second > 59) {
    return NaN;
  }
  let at = 19;
  let millis = 0;
  if (value.charCodeAt(at) === 46 /* . */) {
    const end = value.length - (value.endsWith('Z') ? 1 : 6);
    const fraction = Math.min(end - at - 1, 3);
    millis = digits(value, at + 1, fraction) * 10 ** (3 - fraction);
    at = end;
  }
  let offsetMinutes = 0;
  if (value.charCodeAt(at) !== 90 /* Z */) {
    const offsetHour = digits(value, at + 1, 2);
    const offsetMinute = digits(value, at + 4, 2);
    if (offsetHour > 23 || offsetMinute > 59) {
      return NaN;
    }
    const sign = value.charCodeAt(at) === 45 /* - */ ? -1 : 1;
    offsetMinutes = sign * (offsetHour * 60 + offsetMinute);
  }
  const minutes = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
  return minutes * 60_000 + second * 1000 + millis;
}

/** `toISOString`, or undefined outside 4-digit years, where it writes a form we cannot read back. */
export function formatInstant(ms: number): string | undefined {
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? new Date(ms).toISOString() : undefined;
}
