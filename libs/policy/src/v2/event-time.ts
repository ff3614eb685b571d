// The engine's only sources of time are the event's occurredAt and, at compile time, an injected
// clock. Everything here is arithmetic on those instants; Intl supplies zone offsets.

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
// Zone transitions fall on whole quarter hours of UTC for every offset in use since the 1970s,
// so one offset serves a whole slot; a slot whose two ends disagree is never cached.
const SLOT_MS = 900_000;
const SLOT_CACHE_LIMIT = 8192;

// positional: six calls per parsed instant
function digits(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    n = n * 10 + value.charCodeAt(i) - 48;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since the epoch of an RFC 3339 date-time with seconds and a zone (`Z` or ±HH:MM),
 * or NaN. Sub-millisecond digits are truncated; Date.UTC does the calendar arithmetic.
 */
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
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= monthDays)) {
    return NaN;
  }
  // no leap second (Date and every consumer of our output reject :60), and no year below 100,
  // which Date.UTC would read as 19xx
  if (hour > 23 || minute > 59 || second > 59 || year < 100) {
    return NaN;
  }
  let millis = 0;
  let at = 19;
  if (value.charCodeAt(at) === 46 /* . */) {
    const end = value.length - (value.endsWith('Z') ? 1 : 6);
    const count = Math.min(end - at - 1, 3);
    millis = digits(value, at + 1, count) * 10 ** (3 - count);
    at = end;
  }
  let offset = 0;
  if (value.charCodeAt(at) !== 90 /* Z */) {
    const sign = value.charCodeAt(at) === 45 /* - */ ? -1 : 1;
    offset = sign * (digits(value, at + 1, 2) * 60 + digits(value, at + 4, 2));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** Local wall time of an instant in a zone: weekday (0 = Monday) and minute of the day. */
export interface LocalTime {
  weekday: number;
  minute: number;
}

const knownZones = new Map<string, boolean>();

/** True when `zone` is an IANA time zone this runtime knows (answers cached: Intl is slow). */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1024) {
      knownZones.set(zone, known);
    }
  }
  return known;
}

/**
 * Local time in one zone, DST-safe: the zone's UTC offset comes from Intl (the runtime's tz
 * database) once per quarter-hour slot and is cached, so the hot path is a map lookup and
 * arithmetic. One instance per zone, shared by every window in that zone.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  localTime(ms: number): LocalTime {
    const local = ms + this.offsetAt(ms);
    const days = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday: weekday 3 when Monday is 0
    const weekday = (((days + 3) % 7) + 7) % 7;
    return { weekday, minute: Math.floor((local - days * DAY_MS) / 60_000) };
  }

  private offsetAt(ms: number): number {
    const slot = Math.floor(ms / SLOT_MS);
    const cached = this.offsets.get(slot);
    if (cached !== undefined) {
      return cached;
    }
    const start = this.measure(slot * SLOT_MS);
    const end = this.measure(slot * SLOT_MS + SLOT_MS - 1000);
    if (start !== end) {
      return this.measure(ms);
    }
    if (this.offsets.size >= SLOT_CACHE_LIMIT) {
      this.offsets.clear();
    }
    this.offsets.set(slot, start);
    return start;
  }

  /** The zone's offset from UTC at `ms`, in milliseconds (whole seconds). */
  private measure(ms: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(ms)) {
      if (part.type !== 'literal') {
        parts[part.type] = Number(part.value);
      }
    }
    const localAsUtc = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    );
    return localAsUtc - Math.floor(ms / 1000) * 1000;
  }
}

const clocks = new Map<string, ZoneClock>();

/** The shared clock of a zone (validated beforehand with `isKnownTimeZone`). */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}
