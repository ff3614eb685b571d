export const DAY_MS = 86_400_000;

// Same grammar as the policy's retention durations, so a DPO writes both the same way.
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export type ParsedRotation =
  | { ok: true; ms: number }
  | { ok: false; reason: 'syntax' | 'calendar' | 'zero' | 'too_long' | 'misaligned' };

/**
 * A pseudonym rotation period in milliseconds. Years and months have no fixed length, so they
 * are refused rather than guessed; longer than a day breaks legal.md rule 31 (track ids rotate at
 * least every 24 h); and the period must divide a day so every UTC midnight starts a new one.
 */
export function parseRotation(value: unknown): ParsedRotation {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (match === null) {
    return { ok: false, reason: 'syntax' };
  }
  const [, years, months, weeks, days, , hours, minutes, seconds] = match;
  if (years !== undefined || months !== undefined) {
    return { ok: false, reason: 'calendar' };
  }
  const amount = (part: string | undefined): number =>
    part === undefined ? 0 : parseInt(part, 10);
  const ms =
    (((amount(weeks) * 7 + amount(days)) * 24 + amount(hours)) * 60 + amount(minutes)) * 60_000 +
    amount(seconds) * 1000;
  if (ms === 0) {
    return { ok: false, reason: 'zero' };
  }
  if (ms > DAY_MS) {
    return { ok: false, reason: 'too_long' };
  }
  return DAY_MS % ms === 0 ? { ok: true, ms } : { ok: false, reason: 'misaligned' };
}
