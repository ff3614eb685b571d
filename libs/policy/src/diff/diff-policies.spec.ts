import { diffPolicies } from './diff-policies';
import { PolicyChangeKind as K } from './policy-diff';

type Doc = Record<string, unknown> & { purposes: Array<Record<string, unknown>> };

function policy(purposeOverrides: Record<string, unknown> = {}, extra: Partial<Doc> = {}): Doc {
  return {
    apiVersion: 'tamiz/v2',
    kind: 'Policy',
    retention: { metadata: 'PT72H', alerts: 'P30D' },
    purposes: [
      {
        id: 'delito',
        analytics: ['fight'],
        cameras: { zones: ['via-publica'] },
        windows: [{ from: '08:00', to: '20:00' }],
        minConfidence: 0.6,
        humanReview: 'required',
        requiresAuthorization: true,
        fields: {
          cameraId: 'keep',
          trackId: { pseudonymize: { rotate: 'P1D' } },
          plate: { mask: { keepLast: 2 } },
          geo: { generalize: { meters: 100 } },
          snapshot: { redact: ['face', 'plate'] },
        },
        ...purposeOverrides,
      },
    ],
    ...extra,
  };
}

const base = policy();
const fields = (base.purposes[0].fields ?? {}) as Record<string, unknown>;

describe(diffPolicies.name, () => {
  it('should report no change and nothing relaxing when the documents are equal', () => {
    expect(diffPolicies(base, policy())).toEqual({ relaxing: false, changes: [] });
  });

  it.each([
    ['pseudonymise → keep', { ...fields, trackId: 'keep' }, K.TransformWeakened, true],
    ['mask → keep', { ...fields, plate: 'keep' }, K.TransformWeakened, true],
    ['mask shows more', { ...fields, plate: { mask: { keepLast: 4 } } }, K.TransformWeakened, true],
    [
      'coarser grid',
      { ...fields, geo: { generalize: { meters: 500 } } },
      K.TransformStrengthened,
      false,
    ],
    ['finer grid', { ...fields, geo: { generalize: { meters: 10 } } }, K.TransformWeakened, true],
    [
      'longer rotation',
      { ...fields, trackId: { pseudonymize: { rotate: 'PT1H' } } },
      K.TransformStrengthened,
      false,
    ],
    [
      'fewer blurred regions',
      { ...fields, snapshot: { redact: ['face'] } },
      K.TransformWeakened,
      true,
    ],
    [
      'keep → mask',
      { ...fields, cameraId: { mask: { keepFirst: 3 } } },
      K.TransformStrengthened,
      false,
    ],
    [
      'new field',
      { ...fields, 'attributes.person.age': { generalize: { ageBand: 10 } } },
      K.FieldExposed,
      true,
    ],
    ['field dropped', { ...fields, plate: 'drop' }, K.FieldWithdrawn, false],
  ])('should classify a field change (%s)', (_label, newFields, kind, relaxing) => {
    const diff = diffPolicies(base, policy({ fields: newFields }));

    expect(diff.changes).toEqual([
      expect.objectContaining({ kind, relaxing, purposeId: 'delito' }),
    ]);
    expect(diff.relaxing).toBe(relaxing);
  });

  it.each([
    ['confidence lowered', { minConfidence: 0.4 }, K.ConfidenceLowered, true],
    ['confidence raised', { minConfidence: 0.9 }, K.ConfidenceRaised, false],
    ['window widened', { windows: [{ from: '06:00', to: '20:00' }] }, K.WindowsWidened, true],
    ['windows removed', { windows: undefined }, K.WindowsWidened, true],
    [
      'window narrowed',
      { windows: [{ days: ['mon'], from: '08:00', to: '20:00' }] },
      K.WindowsNarrowed,
      false,
    ],
    ['analytics added', { analytics: ['fight', 'weapon'] }, K.AnalyticsAdded, true],
    [
      'zones widened',
      { cameras: { zones: ['via-publica', 'colegio-perimetro'] } },
      K.CamerasWidened,
      true,
    ],
    ['selector dropped', { cameras: {} }, K.CamerasWidened, true],
    [
      'authorisation dropped',
      { requiresAuthorization: false },
      K.AuthorisationNoLongerRequired,
      true,
    ],
    ['review relaxed', { humanReview: 'none' }, K.HumanReviewRelaxed, true],
  ])('should classify a purpose change (%s)', (_label, overrides, kind, relaxing) => {
    const diff = diffPolicies(base, policy(overrides));

    expect(diff.changes.map((c) => [c.kind, c.relaxing])).toEqual([[kind, relaxing]]);
  });

  it('should treat an overnight window as running into the next day', () => {
    const night = policy({ windows: [{ from: '22:00', to: '06:00' }] });
    const longer = policy({ windows: [{ from: '22:00', to: '07:00' }] });

    expect(diffPolicies(night, longer).changes[0].kind).toBe(K.WindowsWidened);
    expect(diffPolicies(longer, night).changes[0].kind).toBe(K.WindowsNarrowed);
  });

  it('should flag retention lengthened and purposes added, and not purposes removed', () => {
    const longer = policy({}, { retention: { metadata: 'PT72H', alerts: 'P60D' } });
    const added = { ...base, purposes: [...base.purposes, { ...base.purposes[0], id: 'nuevo' }] };

    expect(diffPolicies(base, longer).changes).toEqual([
      expect.objectContaining({
        kind: K.RetentionLengthened,
        relaxing: true,
        field: 'retention.alerts',
      }),
    ]);
    expect(diffPolicies(base, added).changes).toEqual([
      expect.objectContaining({ kind: K.PurposeAdded, purposeId: 'nuevo', relaxing: true }),
    ]);
    const removed = diffPolicies(added, base);
    expect(removed).toEqual({
      relaxing: false,
      changes: [expect.objectContaining({ kind: K.PurposeRemoved, purposeId: 'nuevo' })],
    });
    expect(removed.changes[0].es).toContain('Finalidad retirada');
  });

  it('should compare a tamiz/v1 list of fields as kept fields', () => {
    const v1 = (f: string[]) => ({
      apiVersion: 'tamiz/v1',
      retention: { metadata: 'PT72H', alerts: 'P30D' },
      purposes: [{ id: 'p', analytics: ['fight'], humanReview: 'required', fields: f }],
    });

    expect(diffPolicies(v1(['cameraId']), v1(['cameraId', 'trackId'])).changes).toEqual([
      expect.objectContaining({ kind: K.FieldExposed, field: 'trackId', relaxing: true }),
    ]);
  });
});
