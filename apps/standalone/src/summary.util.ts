import type { GovernorTally } from '../../governor/src/governor-stats';

/** One console line for operators: Spanish first, English second, counts only. */
export function formatSummary(t: Readonly<GovernorTally>): string {
  const reasons = Object.entries(t.suppressedByReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}=${n}`)
    .join(', ');
  return [
    `consumidos/consumed ${t.consumed}`,
    `reenviados/forwarded ${t.forwarded} (alertas/alerts ${t.alerts})`,
    `suprimidos/suppressed ${t.suppressed}${reasons ? ` [${reasons}]` : ''}`,
    `a DLQ/dead-lettered ${t.deadLettered}`,
  ].join(' | ');
}
