import type { AlertV1, DetectionData } from '@lib/contracts';
import fc from 'fast-check';
import { camerasFor, eventArb, policyArb, RAW_MARKERS } from '../../test/v2/arbitraries-v2';
import { TEST_KEYRING } from '../../test/v2/pe-policy.fixture';
import { compilePolicy } from '../compile-policy';
import type { PolicyDocumentV2 } from './policy-document-v2';
import { serializeAlert, serializeDecision } from '../serialize-records';
import { prohibitedCategory } from './prohibited-categories';

// Deny by default and determinism, on random valid policies and random events (issue 3):
// an alert never holds a path its purpose does not list, never a prohibited category, never
// the raw value of a masked or pseudonymised field; evaluating twice gives identical bytes.

const RUNS = 10_000;
// Compiling costs a millisecond or two, evaluating microseconds: each case draws one of a pool
// of random valid policies, compiled once (and once more from a copy with its keys reversed),
// and random events for it. fast-check still shrinks the events, and names the policy.
const POOL = fc.sample(policyArb, { numRuns: 400, seed: 20_260_314 }).map((policy) => ({
  policy,
  evaluator: compilePolicy(policy, { keyring: TEST_KEYRING }),
  recompiled: compilePolicy(reversedKeys(policy), { keyring: TEST_KEYRING }),
  cameras: camerasFor(policy),
}));
const poolArb = fc.nat(POOL.length - 1).map((index) => POOL[index]);

/** The same policy with its object keys in reverse order (as another editor may write it). */
function reversedKeys(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, member: unknown) =>
    typeof member === 'object' && member !== null && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).reverse())
      : member,
  ) as unknown;
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...keysOf(child, path)];
  });
}

function listedBy(policy: PolicyDocumentV2, alert: AlertV1): string[] {
  return Object.keys(policy.purposes.find((p) => p.id === alert.purpose)?.fields ?? {});
}

function valueAt(event: DetectionData, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], event);
}

const hidden = (spec: unknown): boolean =>
  typeof spec === 'object' && spec !== null && ('mask' in spec || 'pseudonymize' in spec);

/** Every way the alerts of one evaluation break deny-by-default; [] when they do not. */
function violations(args: {
  policy: PolicyDocumentV2;
  event: DetectionData;
  alerts: readonly AlertV1[];
}): string[] {
  const found: string[] = [];
  for (const alert of args.alerts) {
    const listed = listedBy(args.policy, alert);
    for (const path of keysOf(alert.data)) {
      // allowed: a listed path, below one, or on the way to one
      if (!listed.some((f) => f === path || path.startsWith(`${f}.`) || f.startsWith(`${path}.`))) {
        found.push(`${alert.purpose}: unlisted ${path}`);
      }
      if (path.split('.').some((key) => prohibitedCategory(key) !== undefined)) {
        found.push(`${alert.purpose}: prohibited ${path}`);
      }
    }
    const text = serializeAlert(alert);
    if (text.includes('FORBIDDEN-VALUE')) {
      found.push(`${alert.purpose}: a prohibited value`);
    }
    const purpose = args.policy.purposes.find((p) => p.id === alert.purpose);
    for (const [path, spec] of Object.entries(purpose?.fields ?? {})) {
      const raw = valueAt(args.event, path);
      if (hidden(spec) && typeof raw === 'string' && text.includes(raw)) {
        found.push(`${alert.purpose}: the raw value of ${path}`);
      }
    }
  }
  return found;
}

describe('evaluate v2: properties', () => {
  it('should keep every alert to the listed paths, with no prohibited key and no hidden raw value', () => {
    fc.assert(
      fc.property(poolArb, fc.array(eventArb, { minLength: 1, maxLength: 3 }), (entry, events) => {
        const { policy, evaluator, cameras } = entry;
        const found: string[] = [];
        for (const event of events) {
          const { decision, alerts } = evaluator.evaluate({
            event,
            camera: cameras.get(event.cameraId) ?? null,
          });
          found.push(...violations({ policy, event, alerts }));
          // the decision names paths, never values
          if (RAW_MARKERS.test(serializeDecision(decision))) {
            found.push('a raw value in the decision');
          }
        }
        expect(found).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('should give identical bytes when evaluating twice, on one evaluator or on a recompiled one', () => {
    fc.assert(
      fc.property(poolArb, eventArb, ({ evaluator, recompiled, cameras }, event) => {
        const camera = cameras.get(event.cameraId) ?? null;
        const bytes = (policy: typeof evaluator) => {
          const input = JSON.parse(JSON.stringify(event)) as DetectionData;
          const { decision, alerts } = policy.evaluate({ event: input, camera });
          return [serializeDecision(decision), ...alerts.map(serializeAlert)];
        };
        const reference = bytes(evaluator).join('\n');
        // the engine builds its records in canonical order, so the bytes are their plain JSON
        const { decision, alerts } = evaluator.evaluate({ event, camera });
        const plain = [decision, ...alerts].map((record) => JSON.stringify(record)).join('\n');
        const same = [bytes(evaluator).join('\n'), bytes(recompiled).join('\n'), plain].every(
          (text) => text === reference,
        );
        expect(same).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
