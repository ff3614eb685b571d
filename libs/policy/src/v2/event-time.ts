// The engine's only sources of time are the event's occurredAt and, at compile time, an injected
// clock. Everything here is arithmetic on those instants; Intl supplies zone offsets.

import { parseInstant as parseRfc3339Instant } from '@lib/redaction';

const DAY_MS = 86_400_000;
// Zone transitions fall on whole quarter hours of UTC for every offset in use since the 1970s,
// so one offset serves a whole slot; a slot whose two ends disagree is never cached.
const SLOT_MS = 900_000;
const SLOT_CACHE_LIMIT = 8192;

/**
 * Milliseconds since the epoch of an RFC 3339 date-time with seconds and a zone (`Z` or ±HH:MM),
 * or NaN. Sub-millisecond digits are truncated. One implementation with the transforms'
 * (@lib/redaction parseInstant); the engine also refuses years 0000–0099, as it always has: no
 * event or authorisation is dated then, and such a date is a typing error.
 */
export function parseInstant(value: string): number {
  return value.startsWith('00') ? NaN : parseRfc3339Instant(value);
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
