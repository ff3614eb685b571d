import { zoneClock, type ZoneClock } from './event-time';
import { WEEKDAYS, type TimeWindowV2 } from './policy-document-v2';

export const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since midnight of a validated `HH:MM` (24:00 → 1440). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

interface CompiledWindow {
  clock: ZoneClock;
  /** Bit i set: the window opens on weekday i (0 = Monday). */
  days: number;
  from: number;
  to: number;
}

/** True when the instant falls in one of the windows. */
export type WindowMatcher = (ms: number) => boolean;

const ALL_DAYS = 0b1111111;

/**
 * Compiles a purpose's windows. `[from, to)` in the window's zone on each listed day; when `from`
 * is after `to` the window runs past midnight, and its early-morning part belongs to the day
 * after each listed day (a Friday 22:00–06:00 window covers Saturday 03:00).
 */
export function compileWindows(args: {
  windows: readonly TimeWindowV2[];
  defaultZone: string;
}): WindowMatcher {
  const compiled: CompiledWindow[] = args.windows.map((window) => ({
    clock: zoneClock(window.timeZone ?? args.defaultZone),
    days:
      window.days === undefined
        ? ALL_DAYS
        : window.days.reduce((mask, day) => mask | (1 << WEEKDAYS.indexOf(day)), 0),
    from: minutesOf(window.from),
    to: minutesOf(window.to),
  }));
  return (ms) => {
    // an unreadable occurredAt (validated upstream, so a bug) is in no window: fail closed
    if (!Number.isFinite(ms)) {
      return false;
    }
    for (const window of compiled) {
      if (inWindow(window, ms)) {
        return true;
      }
    }
    return false;
  };
}

function inWindow(window: CompiledWindow, ms: number): boolean {
  const { weekday, minute } = window.clock.localTime(ms);
  const today = (window.days >> weekday) & 1;
  if (window.from < window.to) {
    return today === 1 && minute >= window.from && minute < window.to;
  }
  const yesterday = (window.days >> ((weekday + 6) % 7)) & 1;
  return (today === 1 && minute >= window.from) || (yesterday === 1 && minute < window.to);
}

/** `lun–vie 06:30–08:30 America/Lima`, for reason texts. */
export function describeWindows(args: { windows: readonly TimeWindowV2[]; defaultZone: string }): {
  es: string;
  en: string;
} {
  const describe = (names: readonly string[]) =>
    args.windows
      .map((w) => {
        const days = (w.days ?? WEEKDAYS).map((d) => names[WEEKDAYS.indexOf(d)]).join(',');
        return `${days} ${w.from}–${w.to} ${w.timeZone ?? args.defaultZone}`;
      })
      .join('; ');
  return {
    es: describe(['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom']),
    en: describe(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']),
  };
}
