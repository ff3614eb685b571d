import type { CameraRecord, DetectionData } from '@lib/contracts';
import type { PolicyDocumentV2, PurposeV2 } from '@lib/policy';
import type { TransformSpec } from '@lib/redaction';
import fc from 'fast-check';

/**
 * Random valid v2 policies and random events for property specs. Raw values of fields that a
 * policy may mask or pseudonymise start with a marker (TRK-, PLT-, SUBJ-, VCODE-) and are long
 * enough that no mask can show them whole, so a spec can search every output for them.
 */

export const ANALYTICS = ['fight', 'intrusion', 'loitering', 'plate-watchlist-hit'];
const ZONES = ['via-publica', 'parque', 'colegio-perimetro'];
const CLASSES = ['person', 'vehicle', 'face'];
export const RAW_MARKERS = /TRK-|PLT-|SUBJ-|VCODE-/;

// path → the transforms a DPO could give it (each valid for that field)
const CATALOG: ReadonlyArray<[string, readonly TransformSpec[]]> = [
  ['occurredAt', ['keep', 'drop', { generalize: { minutes: 5 } }]],
  ['cameraId', ['keep']],
  ['zone', ['keep', { mask: { keepFirst: 2 } }]],
  ['analyticType', ['keep']],
  ['confidence', ['keep', { bucket: { size: 0.1 } }]],
  ['geo', ['keep', { generalize: { meters: 100 } }]],
  ['boundingBox', ['keep', { generalize: { boxGrid: 10 } }]],
  ['trackId', [{ pseudonymize: { rotate: 'P1D' } }, { mask: { keepLast: 2 } }]],
  ['identifiers.plate.value', [{ mask: { keepLast: 3 } }, { pseudonymize: { rotate: 'PT12H' } }]],
  ['identifiers.plate.country', ['keep']],
  ['attributes.person', ['keep']],
  ['attributes.person.clothing', ['keep', 'drop']],
  ['attributes.person.age', [{ generalize: { ageBand: 10 } }, { bucket: { edges: [18, 65] } }]],
  ['attributes.vendorx', ['keep']],
  ['attributes.vendorx.code', [{ mask: { keepFirst: 1 } }, { pseudonymize: { rotate: 'P1D' } }]],
  ['snapshot', [{ redact: ['face', 'plate'] }, 'keep']],
];
const GUARDED: ReadonlyArray<[string, readonly TransformSpec[]]> = [
  [
    'identifiers.faceMatch.subjectRef',
    [{ pseudonymize: { rotate: 'P1D' } }, { mask: { keepLast: 1 } }],
  ],
  ['identifiers.faceMatch.watchlist', ['keep']],
];

const fieldsArb = (catalog: typeof CATALOG) =>
  fc
    .subarray([...catalog], { minLength: 1 })
    .chain((entries) =>
      fc.tuple(
        ...entries.map(([path, specs]) => fc.constantFrom(...specs).map((s) => [path, s] as const)),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs) as Record<string, TransformSpec>);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

// Purposes that need an authorisation act on face matches only, and are reviewed by two people;
// the others never see a face match: their selectors never overlap, so no conflict arises.
const purposeArb = (guarded: boolean) =>
  fc.record({
    analytics: guarded
      ? fc.constant<string[]>(['face-match'])
      : fc.subarray(ANALYTICS, { minLength: 1 }),
    objectClasses: optional(fc.subarray(CLASSES, { minLength: 1 })),
    zones: optional(fc.subarray(ZONES, { minLength: 1 })),
    windows: optional(
      fc.constantFrom(
        [{ from: '06:00', to: '22:00' }],
        [{ days: ['mon', 'fri'], from: '22:00', to: '06:00' }],
      ),
    ),
    when: optional(fc.constantFrom('event.confidence >= 0.5', 'has(event.zone)')),
    minConfidence: optional(fc.constantFrom(0.3, 0.6, 0.9)),
    humanReview: guarded
      ? fc.constant('two-person' as const)
      : fc.constantFrom('none' as const, 'required' as const),
    fields: fieldsArb(guarded ? [...CATALOG, ...GUARDED] : CATALOG),
  });

export const policyArb: fc.Arbitrary<PolicyDocumentV2> = fc
  .tuple(
    fc.array(purposeArb(false), { minLength: 1, maxLength: 4 }),
    fc.array(purposeArb(true), { maxLength: 1 }),
  )
  .map(([open, guarded]) => {
    const purposes: PurposeV2[] = [...open, ...guarded].map((p, i) => {
      const { zones, objectClasses, windows, when, minConfidence, ...rest } = p;
      return {
        id: `p${i}`,
        title: { es: `Finalidad ${i}`, en: `Purpose ${i}` },
        legalBasis: { kind: 'law', citation: 'DL 1218 art. 1' },
        ...rest,
        ...(objectClasses ? { objectClasses } : {}),
        ...(zones ? { cameras: { zones } } : {}),
        ...(windows ? { windows: windows as unknown as PurposeV2['windows'] } : {}),
        ...(when ? { when } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
        ...(i >= open.length ? { requiresAuthorization: true } : {}),
        priority: 'medium',
        recipients: ['central'],
      };
    });
    const guardedIds = purposes.filter((p) => p.requiresAuthorization).map((p) => p.id);
    return {
      apiVersion: 'tamiz/v2',
      kind: 'Policy',
      metadata: {
        id: 'prop',
        version: '1',
        jurisdiction: 'EU',
        controller: 'Ayuntamiento de prueba',
        dpia: { id: 'D-1', date: '2026-01-01' },
      },
      retention: { metadata: 'PT72H', alerts: 'P30D' },
      purposes,
      ...(guardedIds.length === 0
        ? {}
        : {
            authorisations: [
              {
                id: 'AUT-1',
                issuer: 'Juzgado',
                caseRef: 'Exp. 1',
                purposes: guardedIds,
                scope: { watchlists: ['wl-a'] },
                validFrom: '2026-03-12T00:00:00Z',
                validUntil: '2026-03-16T00:00:00Z',
              },
            ],
          }),
    } satisfies PolicyDocumentV2;
  });

const token = fc.stringMatching(/^[A-Z0-9]{6,10}$/);
const unit = fc.double({ min: 0, max: 1, noNaN: true });

export const eventArb: fc.Arbitrary<DetectionData> = fc
  .record({
    n: fc.nat(999_999),
    at: fc.integer({
      min: Date.parse('2026-03-10T00:00:00Z'),
      max: Date.parse('2026-03-20T00:00:00Z'),
    }),
    camera: fc.constantFrom('cam-a', 'cam-b', 'cam-c'),
    analyticType: fc.constantFrom(...ANALYTICS, 'face-match', 'motion'),
    objectClass: fc.constantFrom(...CLASSES),
    confidence: unit,
    track: token,
    plate: optional(token),
    subject: optional(fc.tuple(token, fc.constantFrom('wl-a', 'wl-b'))),
    age: optional(fc.integer({ min: 0, max: 120 })),
    vendor: optional(token),
    prohibited: fc.subarray(['ethnicity', 'emotion', 'skinTone', 'faceEmbedding']),
  })
  .map((r) => {
    const person: Record<string, unknown> = {
      gender: 'x',
      clothing: { upper: { color: 'red', type: 'jacket' } },
      ...(r.age === undefined ? {} : { age: r.age }),
    };
    for (const key of r.prohibited) {
      person[key] = 'FORBIDDEN-VALUE';
    }
    return {
      eventId: `e-${r.n}`,
      occurredAt: new Date(r.at).toISOString(),
      cameraId: r.camera,
      zone: `zona-${r.camera}`,
      geo: { lat: -12.1, lon: -77.03 },
      analyticType: r.analyticType,
      objectClass: r.objectClass,
      confidence: r.confidence,
      boundingBox: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 },
      trackId: `TRK-${r.track}`,
      attributes: {
        person,
        ...(r.vendor === undefined
          ? {}
          : { vendorx: { code: `VCODE-${r.vendor}`, skin_tone: 'FORBIDDEN-VALUE' } }),
      },
      identifiers: {
        plate: r.plate === undefined ? null : { value: `PLT-${r.plate}`, country: 'PE' },
        faceMatch:
          r.subject === undefined
            ? null
            : { subjectRef: `SUBJ-${r.subject[0]}`, watchlist: r.subject[1] },
      },
      snapshot: { ref: `s3://b/e-${r.n}.jpg` },
    };
  });

/** Cameras in each zone, registered for every purpose of the policy. */
export function camerasFor(policy: PolicyDocumentV2): Map<string, CameraRecord> {
  const ids = policy.purposes.map((p) => p.id);
  return new Map(
    ['cam-a', 'cam-b', 'cam-c'].map((cameraId, i) => [
      cameraId,
      {
        cameraId,
        name: cameraId,
        district: 'Lima',
        siteId: 's',
        zoneType: ZONES[i],
        allowedPurposes: i === 2 ? ids.slice(1) : ids,
      },
    ]),
  );
}
