import type { RunOutputs } from './governed-run';
import type { ScenarioRecord } from './scenario';

const PURPOSE_FIELDS: Record<string, string[]> = {
  'delito-en-flagrancia': [
    'occurredAt',
    'cameraId',
    'analyticType',
    'confidence',
    'attributes.person.clothing',
  ],
  'vehiculo-requisitoriado': ['occurredAt', 'cameraId', 'identifiers.plate', 'attributes.vehicle'],
};

/** Dotted paths of an object's leaves and of every object on the way. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * The invariants of a governed run: every lawful event exactly once on the alerts topic with only
 * its purpose's fields, one decision per valid event, one dead letter per malformed record holding
 * its exact bytes, and nothing else.
 */
export function verifyRun(scenario: ScenarioRecord[], out: RunOutputs): void {
  const byEvent = new Map(scenario.filter((r) => r.eventId).map((r) => [r.eventId as string, r]));

  // alerts: exactly the lawful ones, once each, minimised for their purpose
  const lawful = scenario.filter((r) => r.expect.kind === 'forward');
  expect(out.alerts).toHaveLength(lawful.length);
  expect(new Set(out.alerts.map((a) => a.payload.eventId)).size).toBe(lawful.length);
  for (const { key, payload: alert } of out.alerts) {
    const expected = byEvent.get(alert.eventId)?.expect;
    expect(expected).toEqual({ kind: 'forward', purpose: alert.purpose });
    expect(key).toBe(alert.data.cameraId);
    const allowed = PURPOSE_FIELDS[alert.purpose];
    for (const path of paths(alert.data)) {
      expect(allowed.some((a) => path === a || path.startsWith(`${a}.`))).toBe(true);
    }
    expect(alert.label).toBe('recommendation');
  }
  const fightAlert = out.alerts.find((a) => a.payload.purpose === 'delito-en-flagrancia');
  expect(fightAlert?.payload.data.attributes?.person?.clothing).toBeDefined();
  expect(fightAlert?.payload.data.attributes?.person?.gender).toBeUndefined();
  expect(fightAlert?.payload.data.attributes?.person?.age).toBeUndefined();

  // decisions: exactly one per valid event, with the expected verdict and reason
  const valid = scenario.filter((r) => r.eventId !== null);
  expect(out.decisions).toHaveLength(valid.length);
  expect(new Set(out.decisions.map((d) => d.payload.eventId)).size).toBe(valid.length);
  for (const { payload: decision } of out.decisions) {
    const expected = byEvent.get(decision.eventId)?.expect;
    if (expected?.kind === 'forward') {
      expect(decision.verdict).toBe('forward');
      expect(decision.purposes).toEqual([expected.purpose]);
    } else {
      expect(decision.verdict).toBe('suppress');
      expect(decision.reasons.map((r) => r.code)).toContain(
        expected?.kind === 'suppress' ? expected.reason : 'n/a',
      );
    }
    expect(decision.policy?.id).toBe('e2e-policy');
  }

  // dead letters: exactly the malformed records, byte for byte, with their reasons
  const malformed = scenario.filter((r) => r.eventId === null);
  expect(out.deadLetters).toHaveLength(malformed.length);
  const remaining = new Map<string, string[]>();
  for (const r of malformed) {
    const b64 = r.value.toString('base64');
    remaining.set(b64, [
      ...(remaining.get(b64) ?? []),
      r.expect.kind === 'dead-letter' ? r.expect.code : '',
    ]);
  }
  for (const { payload: dl } of out.deadLetters) {
    const codes = remaining.get(dl.originalBase64);
    expect(codes?.length).toBeGreaterThan(0);
    const code = codes?.pop();
    expect(dl.errors.map((e) => e.code)).toContain(code);
    expect(dl.errors.every((e) => typeof e.path === 'string' && e.message.length > 0)).toBe(true);
    expect(dl.originalSize).toBe(Buffer.from(dl.originalBase64, 'base64').length);
  }
}
