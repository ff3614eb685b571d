import type { Clock } from '@lib/common';
import type { DetectionEventV1 } from '@lib/contracts';

export interface DeduplicatorOptions {
  /** Repeats of a key within this many milliseconds of its first event are suppressed. */
  windowMs: number;
  /** Keys remembered at most; the least recently admitted are forgotten first. */
  maxKeys: number;
  /**
   * `event` (default) reads each event's own time, so that a replay deduplicates as the live
   * stream did; `clock` reads the injected clock (arrival time).
   */
  timeSource?: 'event' | 'clock';
  clock?: Clock;
}

export interface DedupVerdict {
  admitted: boolean;
  /** The event that opened the window this one falls in (itself when admitted). */
  firstEventId: string;
  /** Repeats suppressed so far in that window. */
  suppressed: number;
}

interface Window {
  start: number;
  firstEventId: string;
  suppressed: number;
}

/**
 * Keeps one canonical event per (cameraId, trackId, analyticType) per window: Frigate `update`
 * storms, ONVIF scene frames and Hikvision alerts re-sent every second while `active` collapse
 * to the first event of each window. Events without a trackId are told apart by what they
 * identify instead (the plate read, the watchlist subject): a Hikvision ANPR camera sends no
 * track, and two different plates within a window are two events, while the same plate re-sent
 * is one. Pure and synchronous; memory is bounded by `maxKeys`.
 */
export class Deduplicator {
  private readonly windows = new Map<string, Window>();
  private latest = -Infinity;

  constructor(private readonly options: DeduplicatorOptions) {
    if (!(options.windowMs > 0) || !(options.maxKeys >= 1)) {
      throw new RangeError('windowMs must be positive and maxKeys at least 1');
    }
    if (options.timeSource === 'clock' && options.clock === undefined) {
      throw new RangeError('timeSource "clock" needs a clock');
    }
  }

  get size(): number {
    return this.windows.size;
  }

  admit(event: DetectionEventV1): DedupVerdict {
    const now = this.timeOf(event);
    const key = `${event.data.cameraId}\u0000${event.data.trackId ?? untracked(event)}\u0000${event.data.analyticType}`;
    this.expire(now);
    const open = this.windows.get(key);
    // |Δ| so that a late, older repeat inside the window is suppressed too
    if (open !== undefined && Math.abs(now - open.start) < this.options.windowMs) {
      open.suppressed += 1;
      return { admitted: false, firstEventId: open.firstEventId, suppressed: open.suppressed };
    }
    this.windows.delete(key);
    this.windows.set(key, { start: now, firstEventId: event.id, suppressed: 0 });
    while (this.windows.size > this.options.maxKeys) {
      const oldest = this.windows.keys().next().value as string;
      this.windows.delete(oldest);
    }
    return { admitted: true, firstEventId: event.id, suppressed: 0 };
  }

  private timeOf(event: DetectionEventV1): number {
    if (this.options.timeSource === 'clock' && this.options.clock !== undefined) {
      return this.options.clock.now().getTime();
    }
    const time = Date.parse(event.time);
    return Number.isFinite(time) ? time : this.latest;
  }

  // The map is in admission order, so expired windows sit at its front.
  private expire(now: number): void {
    this.latest = Math.max(this.latest, now);
    for (const [key, window] of this.windows) {
      if (window.start + this.options.windowMs > this.latest) {
        break;
      }
      this.windows.delete(key);
    }
  }
}

/** What a trackless event is about, as far as a repeat must match it (never logged). */
function untracked(event: DetectionEventV1): string {
  const ids = event.data.identifiers;
  return `\u0001${ids?.plate?.value ?? ''}\u0001${ids?.faceMatch?.subjectRef ?? ''}`;
}
