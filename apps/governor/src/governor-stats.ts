/** Counts of committed outcomes, for the console summary and the metrics endpoint. */
export interface GovernorTally {
  consumed: number;
  forwarded: number;
  alerts: number;
  suppressed: number;
  deadLettered: number;
  suppressedByReason: Record<string, number>;
}

export function emptyTally(): GovernorTally {
  return {
    consumed: 0,
    forwarded: 0,
    alerts: 0,
    suppressed: 0,
    deadLettered: 0,
    suppressedByReason: {},
  };
}

export function addTally(into: GovernorTally, from: GovernorTally): void {
  into.consumed += from.consumed;
  into.forwarded += from.forwarded;
  into.alerts += from.alerts;
  into.suppressed += from.suppressed;
  into.deadLettered += from.deadLettered;
  for (const [reason, n] of Object.entries(from.suppressedByReason)) {
    into.suppressedByReason[reason] = (into.suppressedByReason[reason] ?? 0) + n;
  }
}
