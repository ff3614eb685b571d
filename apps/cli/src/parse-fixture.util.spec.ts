import { parseFixture } from './parse-fixture.util';

const data = {
  eventId: 'evt-1',
  occurredAt: '2026-03-14T13:05:00.000Z',
  cameraId: 'cam-si-001',
  analyticType: 'fight',
  objectClass: 'person',
  confidence: 0.9,
};

const camera = {
  cameraId: 'cam-si-001',
  name: 'Av. Javier Prado',
  district: 'San Isidro',
  siteId: 'si-1',
  zoneType: 'via-publica',
  allowedPurposes: ['delito-en-flagrancia'],
};

const fixture = (overrides: Record<string, unknown> = {}) => ({
  name: 'pelea',
  event: data,
  camera,
  expect: { verdict: 'forward' },
  ...overrides,
});

const problemsOf = (value: unknown): string[] => {
  const parsed = parseFixture(value);
  return parsed.ok ? [] : parsed.problems;
};

describe(parseFixture.name, () => {
  it('should accept bare detection data', () => {
    expect(parseFixture(fixture())).toEqual({ ok: true, fixture: fixture() });
  });

  it('should unwrap a valid CloudEvents envelope', () => {
    const envelope = {
      specversion: '1.0',
      id: data.eventId,
      source: 'urn:site:si-1:camera:cam-si-001',
      type: 'pe.tamiz.detection.v1',
      time: data.occurredAt,
      data,
    };
    expect(parseFixture(fixture({ event: envelope }))).toEqual({ ok: true, fixture: fixture() });
  });

  it('should accept a null camera and every expectation', () => {
    const expect_ = {
      verdict: 'suppress',
      purposes: [],
      reasonCodes: ['camera.unknown'],
      humanReview: 'none',
      droppedPaths: ['cameraId'],
      findings: [{ code: 'vendor_violation', path: 'attributes.person.ethnicity' }],
      transforms: [{ purpose: 'p', path: 'trackId', transform: 'pseudonymize' }],
      alerts: [{ purpose: 'p', data: {}, absentPaths: ['trackId'], redaction: ['face'] }],
    };
    expect(parseFixture(fixture({ camera: null, expect: expect_ })).ok).toBe(true);
  });

  it('should name every problem of a fixture at its place', () => {
    const problems = problemsOf({
      name: '',
      event: { ...data, confidence: 'high' },
      camera: { ...camera, allowedPurposes: 'all' },
      expect: { verdict: 'maybe', reasoncodes: [], alerts: [{ data: 1 }] },
      extra: true,
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'extra',
      'name',
      'event.confidence',
      'camera.allowedPurposes',
      'expect.reasoncodes',
      'expect.verdict',
      'expect.alerts[0].purpose',
      'expect.alerts[0].data',
    ]);
  });

  it('should check bare data against the event contract, pointing into event', () => {
    const { cameraId: _omitted, ...withoutCamera } = data;
    expect(problemsOf(fixture({ event: withoutCamera }))).toEqual([
      expect.stringMatching(/^event\.cameraId: schema/),
    ]);
  });

  it('should check an envelope as it is, consistency included', () => {
    const envelope = {
      specversion: '1.0',
      id: 'other-id',
      source: 'urn:site:si-1:camera:cam-si-001',
      type: 'pe.tamiz.detection.v1',
      time: data.occurredAt,
      data,
    };
    expect(problemsOf(fixture({ event: envelope }))).toEqual([
      expect.stringMatching(/^event\.id: inconsistent/),
    ]);
  });

  it.each([
    ['a list', []],
    ['a string', 'fixture'],
    ['null', null],
  ])('should refuse %s as a fixture', (_name, value) => {
    expect(problemsOf(value)).toHaveLength(1);
  });
});
