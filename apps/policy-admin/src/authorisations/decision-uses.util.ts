import type { DecisionUse } from '@lib/persistence';

const RULE_PREFIX = 'authorization:';
// Most decisions rely on no authorisation: their bytes are skipped without parsing.
const MARKER = Buffer.from(`"${RULE_PREFIX}`, 'utf8');

/**
 * The uses of authorisations one decision record (bytes of the decisions topic) shows: one per
 * `authorization:<id>` rule of a forwarded decision, at the event's time and camera. Anything
 * else — suppressed, no such rule, unreadable — shows none.
 */
export function decisionUses(value: Buffer | null): DecisionUse[] {
  if (value === null || !value.includes(MARKER)) {
    return [];
  }
  let decision: unknown;
  try {
    decision = JSON.parse(value.toString('utf8'));
  } catch {
    return [];
  }
  if (typeof decision !== 'object' || decision === null) {
    return [];
  }
  const { verdict, eventId, cameraId, occurredAt, ruleIds } = decision as Record<string, unknown>;
  const at = typeof occurredAt === 'string' ? new Date(occurredAt) : null;
  if (
    verdict !== 'forward' ||
    typeof eventId !== 'string' ||
    typeof cameraId !== 'string' ||
    at === null ||
    Number.isNaN(at.getTime()) ||
    !Array.isArray(ruleIds)
  ) {
    return [];
  }
  const uses: DecisionUse[] = [];
  for (const rule of new Set(ruleIds)) {
    if (typeof rule === 'string' && rule.startsWith(RULE_PREFIX)) {
      uses.push({
        authorisationId: rule.slice(RULE_PREFIX.length),
        eventId,
        cameraId,
        usedAt: at.toISOString(),
      });
    }
  }
  return uses;
}
