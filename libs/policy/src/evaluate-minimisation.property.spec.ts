import { CANONICAL_FIELD_PATHS, type CameraRecord, type DetectionData } from '@lib/contracts';
import { isProhibitedKey, leafPaths } from '@lib/redaction';
import fc from 'fast-check';
import { CameraFactory } from '../test/factories/camera.factory';
import { compilePolicy } from './compile-policy';

// Invariant 2 (deny by default), checked on random policies, cameras and events: an alert never
// holds a path its purpose does not list, and droppedPaths names exactly what no alert carries.

const ANALYTICS = ['fight', 'intrusion', 'plate-watchlist-hit', 'fall'];
const ZONES = ['via-publica', 'parque'];
const CLASSES = ['person', 'vehicle'];
const LISTABLE = [
  ...new Set([
    ...CANONICAL_FIELD_PATHS.filter(
      (p) => p !== 'attributes' && p !== 'identifiers' && !p.startsWith('identifiers.faceMatch'),
    ),
    'attributes.acme',
    'attributes.acme.score',
    'attributes.person.clothing.upper.color',
  ]),
];
const ATTRIBUTE_KEYS = [
  'color',
  'type',
  'score',
  'gender',
  'age',
  'emotion',
  'skin_tone',
  'embedding',
  'upper',
];

const purposeArb = fc.record({
  analytics: fc.subarray(ANALYTICS, { minLength: 1 }),
  fields: fc.subarray(LISTABLE, { minLength: 1 }),
  zones: fc.option(fc.subarray(ZONES, { minLength: 1 }), { nil: undefined }),
  objectClasses: fc.option(fc.subarray(CLASSES, { minLength: 1 }), { nil: undefined }),
  minConfidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  humanReview: fc.constantFrom('none', 'required', 'two-person'),
});

const policyArb = fc.array(purposeArb, { minLength: 1, maxLength: 5 }).map((purposes) => ({
  apiVersion: 'tamiz/v1',
  kind: 'Policy',
  metadata: { id: 'prop', version: '1' },
  retention: { metadata: 'PT72H', alerts: 'P30D' },
  purposes: purposes.map(({ zones, objectClasses, minConfidence, ...p }, i) => ({
    id: `p${i}`,
    title: { es: `Finalidad ${i}`, en: `Purpose ${i}` },
    legalBasis: { kind: 'law', citation: 'DL 1218 art. 1' },
    ...p,
    // optional keys are left out rather than set to undefined, as a DPO would write them
    ...(zones ? { zones } : {}),
    ...(objectClasses ? { objectClasses } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    priority: 'medium',
    recipients: ['central'],
  })),
}));

const leafArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const groupArb: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...ATTRIBUTE_KEYS),
  fc.oneof(
    leafArb,
    fc.dictionary(fc.constantFrom(...ATTRIBUTE_KEYS), leafArb, { maxKeys: 3 }),
    fc.array(leafArb, { maxLength: 2 }),
  ),
  { maxKeys: 5 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const eventArb: fc.Arbitrary<DetectionData> = fc
  .record({
    eventId: fc.constant('det-prop'),
    occurredAt: fc.constant('2026-03-14T08:00:00.000Z'),
    cameraId: fc.constant('cam-prop'),
    siteId: optional(fc.constant('site')),
    zone: optional(fc.constant('zona-1')),
    geo: optional(
      fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.constant(-77) }),
    ),
    analyticType: fc.constantFrom(...ANALYTICS),
    objectClass: fc.constantFrom(...CLASSES),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    boundingBox: optional(
      fc.record({
        x: fc.constant(0.1),
        y: fc.constant(0.2),
        w: fc.constant(0.3),
        h: fc.constant(0.4),
      }),
    ),
    attributes: optional(
      fc.dictionary(fc.constantFrom('person', 'vehicle', 'face', 'acme'), groupArb, { maxKeys: 4 }),
    ),
    identifiers: optional(
      fc.record({
        plate: fc.option(fc.record({ value: fc.constant('ABC-123'), country: fc.constant('PE') })),
        faceMatch: fc.option(
          fc.record({ subjectRef: fc.constant('wl-1'), similarity: fc.constant(0.9) }),
        ),
      }),
    ),
    snapshot: optional(
      fc.record({
        ref: fc.constant('evidence://x'),
        boxes: fc.constant([{ x: 0, y: 0, w: 1, h: 1 }]),
      }),
    ),
    trackId: optional(fc.constant('trk-1')),
    vendor: optional(fc.record({ kind: fc.constant('deepstream'), model: fc.constant('m') })),
  })
  // what the governor receives is parsed JSON: no undefined members
  .map((event) => JSON.parse(JSON.stringify(event)) as DetectionData);

const cameraArb = (purposeCount: number): fc.Arbitrary<CameraRecord> =>
  fc
    .record({
      zoneType: fc.constantFrom(...ZONES),
      allowed: fc.subarray([...Array(purposeCount).keys()].map((i) => `p${i}`)),
    })
    .map(({ zoneType, allowed }) =>
      CameraFactory.create({ cameraId: 'cam-prop', zoneType, allowedPurposes: allowed }),
    );

const covers = (listed: string, leaf: string): boolean =>
  leaf === listed || leaf.startsWith(`${listed}.`);

/**
 * `droppedPaths` names what no alert carries by its largest subtrees: every uncarried leaf lies
 * under exactly one of them, no carried leaf under any, no path could be replaced by its parent,
 * and they come in the canonical order of the leaves.
 */
function namesTheLargestUncarriedSubtrees(args: {
  dropped: readonly string[];
  all: readonly string[];
  carried: ReadonlySet<string>;
}): boolean {
  const { dropped, all, carried } = args;
  const under = (path: string) => all.filter((leaf) => covers(path, leaf));
  const parent = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
  const firstLeaf = dropped.map((path) => all.indexOf(under(path)[0] ?? ''));
  return (
    all.every(
      (leaf) => dropped.filter((path) => covers(path, leaf)).length === (carried.has(leaf) ? 0 : 1),
    ) &&
    dropped.every((path) => under(path).length > 0) &&
    dropped.every(
      (path) => parent(path) === '' || under(parent(path)).some((l) => carried.has(l)),
    ) &&
    firstLeaf.every((index, i) => index >= 0 && (i === 0 || index > firstLeaf[i - 1]))
  );
}

describe('evaluate: minimisation property', () => {
  it('should never put a path in an alert that its purpose does not list', () => {
    const scenario = policyArb.chain((policy) =>
      fc.tuple(fc.constant(policy), eventArb, cameraArb(policy.purposes.length)),
    );
    let forwarded = 0;
    fc.assert(
      fc.property(scenario, ([policy, event, camera]) => {
        const { decision, alerts } = compilePolicy(policy).evaluate({ event, camera });
        const carried = new Set<string>();
        for (const alert of alerts) {
          const listed = policy.purposes.find((p) => p.id === alert.purpose)?.fields ?? [];
          for (const leaf of leafPaths(alert.data)) {
            if (!listed.some((path) => covers(path, leaf))) {
              throw new Error(`${alert.purpose} carries unlisted ${leaf}`);
            }
            if (leaf.split('.').some(isProhibitedKey)) {
              throw new Error(`${alert.purpose} carries prohibited ${leaf}`);
            }
            carried.add(leaf);
          }
        }
        const all = leafPaths(event);
        forwarded += alerts.length > 0 ? 1 : 0;
        return (
          [...carried].every((leaf) => all.includes(leaf)) &&
          namesTheLargestUncarriedSubtrees({ dropped: decision.droppedPaths, all, carried })
        );
      }),
      { numRuns: 1000 },
    );
    // the generators must exercise forwarding, not only suppression
    expect(forwarded).toBeGreaterThan(100);
  });
});
