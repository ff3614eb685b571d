/** ISO 8601 durations as policies write them (`P45D`, `PT72H`, `P1Y2M`); no fractions. */
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const DAY_MS = 86_400_000;

/**
 * Length in milliseconds for comparing retention periods, counting a year as 365 days and a
 * month as 30: close enough to order `P2M` after `P45D`, never used to schedule a deletion.
 * NaN when the text is no duration.
 */
export function approximateDurationMs(value: string): number {
  const match = ISO_DURATION.exec(value);
  if (match === null) {
    return NaN;
  }
  const n = (part: string | undefined): number => (part === undefined ? 0 : parseInt(part, 10));
  const [, years, months, weeks, days, , hours, minutes, seconds] = match;
  const totalDays = n(years) * 365 + n(months) * 30 + n(weeks) * 7 + n(days);
  return totalDays * DAY_MS + ((n(hours) * 60 + n(minutes)) * 60 + n(seconds)) * 1000;
}

/** Exact length of a duration without years or months (pseudonym rotations), else NaN. */
export function exactDurationMs(value: string): number {
  const match = ISO_DURATION.exec(value);
  return match === null || match[1] !== undefined || match[2] !== undefined
    ? NaN
    : approximateDurationMs(value);
}
