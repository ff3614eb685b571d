import type { AlertV1, DecisionRecordV1 } from '@lib/contracts';
import { matchFixture, type EvaluationResult } from './match-fixture.util';
import type { FixtureExpectation } from './policy-fixture';

const policy = { id: 'p', version: '1', hash: 'h' };

function decision(overrides: Partial<DecisionRecordV1> = {}): DecisionRecordV1 {
  return {
    schema: 'tamiz.decision.v1',
    decisionId: 'dec:e1',
    eventId: 'e1',
    cameraId: 'cam-1',
    occurredAt: '2026-03-14T13:05:00.000Z',
    analyticType: 'plate-watchlist-hit',
    verdict: 'forward',
    purposes: ['vehiculo-requisitoriado'],
    ruleIds: ['purpose:vehiculo-requisitoriado'],
    reasons: [{ code: 'purpose.matched', es: 'es', en: 'en' }],
    droppedPaths: ['eventId', 'trackId'],
    transforms: [
      { purpose: 'vehiculo-requisitoriado', path: 'identifiers.plate.value', transform: 'keep' },
    ],
    policy,
    humanReview: 'required',
    retentionClass: 'alerts',
    findings: [{ code: 'vendor_violation', path: 'attributes.person.ethnicity', citation: 'c' }],
    ...overrides,
  };
}

function alert(overrides: Partial<AlertV1> = {}): AlertV1 {
  return {
    schema: 'tamiz.alert.v1',
    alertId: 'e1:vehiculo-requisitoriado',
    eventId: 'e1',
    purpose: 'vehiculo-requisitoriado',
    title: { es: 'es', en: 'en' },
    priority: 'high',
    recipients: ['central'],
    humanReview: 'required',
    label: 'recommendation',
    policy,
    redaction: { regions: ['face'] },
    data: { cameraId: 'cam-1', identifiers: { plate: { value: 'TST-451' } } },
    ...overrides,
  };
}

const evaluation: EvaluationResult = { decision: decision(), alerts: [alert()] };

const at = (expect_: FixtureExpectation, result: EvaluationResult = evaluation) =>
  matchFixture({ expect: expect_, evaluation: result }).map((m) => m.at);

describe(matchFixture.name, () => {
  it('should pass when every expectation holds', () => {
    const expect_: FixtureExpectation = {
      verdict: 'forward',
      purposes: ['vehiculo-requisitoriado'],
      reasonCodes: ['purpose.matched'],
      humanReview: 'required',
      droppedPaths: ['trackId'],
      transforms: [
        { purpose: 'vehiculo-requisitoriado', path: 'identifiers.plate.value', transform: 'keep' },
      ],
      findings: [{ code: 'vendor_violation', path: 'attributes.person.ethnicity' }],
      alerts: [
        {
          purpose: 'vehiculo-requisitoriado',
          data: { identifiers: { plate: { value: 'TST-451' } } },
          absentPaths: ['trackId', 'identifiers.plate.country'],
          redaction: ['face'],
        },
      ],
    };
    expect(matchFixture({ expect: expect_, evaluation })).toEqual([]);
  });

  it('should check only the verdict when nothing else is expected', () => {
    expect(at({ verdict: 'forward' })).toEqual([]);
    expect(matchFixture({ expect: { verdict: 'suppress' }, evaluation })).toEqual([
      { at: 'verdict', expected: '"suppress"', actual: '"forward"' },
    ]);
  });

  it('should compare purposes as a set, and exactly', () => {
    const two = { decision: decision({ purposes: ['b', 'a'] }), alerts: [] };
    expect(at({ verdict: 'forward', purposes: ['a', 'b'] }, two)).toEqual([]);
    expect(at({ verdict: 'forward', purposes: ['a'] }, two)).toEqual(['purposes']);
    expect(at({ verdict: 'forward', purposes: [] }, two)).toEqual(['purposes']);
  });

  it.each<[string, FixtureExpectation]>([
    ['humanReview', { verdict: 'forward', humanReview: 'two-person' }],
    [
      'reasonCodes',
      { verdict: 'forward', reasonCodes: ['purpose.matched', 'authorization.valid'] },
    ],
    ['droppedPaths', { verdict: 'forward', droppedPaths: ['attributes.person.gender'] }],
    [
      'transforms',
      {
        verdict: 'forward',
        transforms: [{ purpose: 'vehiculo-requisitoriado', path: 'trackId', transform: 'keep' }],
      },
    ],
    ['findings', { verdict: 'forward', findings: [{ code: 'vendor_violation', path: 'race' }] }],
  ])('should report a missing %s', (name, expect_) => {
    expect(at(expect_)).toEqual([name]);
  });

  it('should list what is missing and what was there', () => {
    const [mismatch] = matchFixture({
      expect: { verdict: 'forward', reasonCodes: ['authorization.valid'] },
      evaluation,
    });
    expect(mismatch).toEqual({
      at: 'reasonCodes',
      expected: 'to contain ["authorization.valid"]',
      actual: '["purpose.matched"]',
    });
  });

  it('should ignore finding details a fixture cannot name, such as the citation', () => {
    const expect_: FixtureExpectation = {
      verdict: 'forward',
      findings: [{ code: 'vendor_violation', path: 'attributes.person.ethnicity' }],
    };
    expect(at(expect_)).toEqual([]);
  });

  it('should report an alert that is not there', () => {
    expect(at({ verdict: 'forward', alerts: [{ purpose: 'aforo-afluencia' }] })).toEqual([
      'alerts[aforo-afluencia]',
    ]);
  });

  it('should report alert data that differs, paths that should be absent, and the redaction', () => {
    const expect_: FixtureExpectation = {
      verdict: 'forward',
      alerts: [
        {
          purpose: 'vehiculo-requisitoriado',
          data: { identifiers: { plate: { value: '****451' } } },
          absentPaths: ['cameraId'],
          redaction: ['face', 'plate'],
        },
      ],
    };
    expect(at(expect_)).toEqual([
      'alerts[vehiculo-requisitoriado].data.identifiers.plate.value',
      'alerts[vehiculo-requisitoriado].redaction',
      'alerts[vehiculo-requisitoriado].data.cameraId',
    ]);
  });

  it('should treat an alert without redaction as blurring nothing', () => {
    const plain = { decision: decision(), alerts: [alert({ redaction: undefined })] };
    const expect_ = (redaction: string[]): FixtureExpectation => ({
      verdict: 'forward',
      alerts: [{ purpose: 'vehiculo-requisitoriado', redaction }],
    });
    expect(at(expect_([]), plain)).toEqual([]);
    expect(at(expect_(['face']), plain)).toEqual(['alerts[vehiculo-requisitoriado].redaction']);
  });
});
