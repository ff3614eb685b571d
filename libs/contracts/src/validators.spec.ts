import type { AlertV1 } from './alert';
import { ValidationIssueCode, type DeadLetterRecordV1, type ValidationIssue } from './dead-letter';
import type { DecisionRecordV1 } from './decision';
import {
  validateAlert,
  validateAuthorisationRegister,
  validateDeadLetter,
  validateDecision,
  validateDetectionEvent,
} from './validators';

const POLICY = { id: 'lima-seguridad', version: '3', hash: 'a'.repeat(64) };

function alert(): AlertV1 {
  return {
    schema: 'tamiz.alert.v1',
    alertId: 'alr-000001',
    eventId: 'det-000001',
    purpose: 'delito-en-flagrancia',
    title: { es: 'Pelea en vía pública', en: 'Fight in a public street' },
    priority: 'high',
    recipients: ['central-serenazgo-miraflores'],
    humanReview: 'required',
    label: 'recommendation',
    policy: POLICY,
    // minimised: a purpose may keep a nested field without its required siblings
    data: { occurredAt: '2026-03-14T08:00:01.000Z', identifiers: { plate: { country: 'PE' } } },
  } as AlertV1;
}

function decision(): DecisionRecordV1 {
  return {
    schema: 'tamiz.decision.v1',
    decisionId: 'dec-000001',
    eventId: 'det-000001',
    cameraId: 'cam-mira-0142',
    occurredAt: '2026-03-14T08:00:01.000Z',
    analyticType: 'fight',
    verdict: 'forward',
    purposes: ['delito-en-flagrancia'],
    ruleIds: ['purpose:delito-en-flagrancia'],
    reasons: [{ code: 'purpose_matched', es: 'Finalidad aplicable', en: 'Purpose applies' }],
    droppedPaths: ['attributes.person.gender'],
    transforms: [{ purpose: 'delito-en-flagrancia', path: 'geo', transform: 'generalize' }],
    policy: POLICY,
    humanReview: 'required',
    retentionClass: null,
    findings: [
      {
        code: 'vendor_violation',
        path: 'attributes.person.ethnicity',
        citation: 'Reglamento (UE) 2024/1689 art. 5(1)(g)',
      },
    ],
  };
}

function deadLetter(): DeadLetterRecordV1 {
  return {
    schema: 'tamiz.dead-letter.v1',
    source: {
      topic: 'tamiz.detections.raw',
      partition: 3,
      offset: '9007199254740993',
      key: null,
      timestamp: '1773475201000',
    },
    originalBase64: '',
    originalSize: 0,
    errors: [
      { path: '', code: ValidationIssueCode.InvalidJson, message: 'Unexpected end of JSON input' },
    ],
    receivedAt: '2026-03-14T08:00:02.000Z',
  };
}

const schema = (path: string) => ({ path, code: ValidationIssueCode.Schema });

function located(issues: ValidationIssue[]): Array<{ path: string; code: string }> {
  return issues.map(({ path, code }) => ({ path, code }));
}

describe('validateAlert', () => {
  it('should accept a minimised alert', () => {
    expect(validateAlert(alert())).toEqual([]);
  });

  it('should accept a redaction instruction and an age generalised to its band', () => {
    const redacted = {
      ...alert(),
      redaction: { regions: ['face', 'plate'] },
      data: { attributes: { person: { age: '30-39' } }, snapshot: { ref: 's3://b/k.jpg' } },
    };
    expect(validateAlert(redacted)).toEqual([]);
  });

  it.each([
    ['a non-recommendation label', { label: 'decision' }, ['/label']],
    ['an unknown priority', { priority: 'urgent' }, ['/priority']],
    ['a short policy hash', { policy: { ...POLICY, hash: 'abc' } }, ['/policy/hash']],
    ['a field the detection has not got', { data: { embedding: [0.1] } }, ['/data/embedding']],
    ['an out-of-range confidence', { data: { confidence: 2 } }, ['/data/confidence']],
    ['a missing title', { title: undefined }, ['/title']],
    [
      'an unknown redaction region',
      { redaction: { regions: ['tattoo'] } },
      ['/redaction/regions/0'],
    ],
    ['an empty redaction', { redaction: { regions: [] } }, ['/redaction/regions']],
  ])('should reject %s', (_label, patch, paths) => {
    expect(located(validateAlert({ ...alert(), ...patch }))).toEqual(paths.map(schema));
  });
});

describe('validateDecision', () => {
  it('should accept a decision, with or without a policy', () => {
    expect(validateDecision(decision())).toEqual([]);
    expect(validateDecision({ ...decision(), verdict: 'suppress', policy: null })).toEqual([]);
  });

  it.each([
    ['an unknown verdict', { verdict: 'maybe' }, ['/verdict']],
    ['a wall-clock field', { decidedAt: '2026-03-14T08:00:02.000Z' }, ['/decidedAt']],
    ['a reason without English', { reasons: [{ code: 'x', es: 'x' }] }, ['/reasons/0/en']],
    ['an empty retention class', { retentionClass: '' }, ['/retentionClass']],
    ['no findings list', { findings: undefined }, ['/findings']],
    [
      'a finding without citation',
      { findings: [{ code: 'x', path: 'a' }] },
      ['/findings/0/citation'],
    ],
  ])('should reject %s', (_label, patch, paths) => {
    expect(located(validateDecision({ ...decision(), ...patch }))).toEqual(paths.map(schema));
  });
});

describe('validateDeadLetter', () => {
  it('should accept a dead letter of an empty record', () => {
    expect(validateDeadLetter(deadLetter())).toEqual([]);
  });

  const ingress = {
    transport: 'mqtt',
    channel: 'frigate/events',
    format: 'frigate-events',
    contentType: null,
  };

  it('should accept a dead letter from the ingress (MQTT or HTTP)', () => {
    expect(validateDeadLetter({ ...deadLetter(), source: ingress })).toEqual([]);
    expect(
      validateDeadLetter({
        ...deadLetter(),
        source: {
          ...ingress,
          transport: 'http',
          channel: '/isapi/events',
          contentType: 'multipart/form-data',
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['an unknown transport', { ...ingress, transport: 'amqp' }, ['/source/transport']],
    ['a Kafka offset mixed in', { ...ingress, offset: '3' }, ['/source/offset']],
  ])('should reject an ingress source with %s', (_label, source, paths) => {
    expect(located(validateDeadLetter({ ...deadLetter(), source }))).toEqual(paths.map(schema));
  });

  it.each([
    ['no issues', { errors: [] }, ['/errors']],
    ['a numeric offset', { source: { ...deadLetter().source, offset: 42 } }, ['/source/offset']],
    [
      'an unknown issue code',
      { errors: [{ path: '', code: 'oops', message: 'x' }] },
      ['/errors/0/code'],
    ],
    [
      'a path that is not a pointer',
      { errors: [{ path: 'data.x', code: 'schema', message: 'x' }] },
      ['/errors/0/path'],
    ],
    ['broken base64', { originalBase64: 'abc' }, ['/originalBase64']],
  ])('should reject %s', (_label, patch, paths) => {
    expect(located(validateDeadLetter({ ...deadLetter(), ...patch }))).toEqual(paths.map(schema));
  });
});

describe('validateAuthorisationRegister', () => {
  const entry = {
    id: '0b6f3c1e-8d7a-4f7e-9a51-2d4c6e8f0a11',
    purposes: ['identificacion-facial-autorizada'],
    scope: { watchlists: ['requisitoria'] },
    validFrom: '2026-03-10T05:00:00.000Z',
    validUntil: '2026-03-20T05:00:00.000Z',
  };
  const register = (authorisations: unknown[] = [entry]) => ({
    schema: 'tamiz.authorisation-register.v1',
    sequence: 1,
    authorisations,
    signature: { alg: 'Ed25519', keyId: 'k1', value: 'AAAA' },
  });

  it('should accept a register, empty or not', () => {
    expect(validateAuthorisationRegister(register())).toEqual([]);
    expect(validateAuthorisationRegister(register([]))).toEqual([]);
  });

  it.each([
    ['an issuer', { ...entry, issuer: 'Juzgado' }, ['/authorisations/0/issuer']],
    ['a case reference', { ...entry, caseRef: 'EXP-1' }, ['/authorisations/0/caseRef']],
    ['no purpose', { ...entry, purposes: [] }, ['/authorisations/0/purposes']],
    ['an unbounded scope', { ...entry, scope: {} }, ['/authorisations/0/scope']],
    [
      'a camera id with spaces',
      { ...entry, scope: { cameras: ['cam 1'] } },
      ['/authorisations/0/scope/cameras/0'],
    ],
  ])('should reject an authorisation carrying %s', (_label, bad, paths) => {
    expect(located(validateAuthorisationRegister(register([bad])))).toEqual(paths.map(schema));
  });

  it('should reject a sequence below 1', () => {
    expect(located(validateAuthorisationRegister({ ...register(), sequence: 0 }))).toEqual([
      schema('/sequence'),
    ]);
  });
});

describe('validateDetectionEvent', () => {
  it('should report schema issues and skip consistency checks on a malformed event', () => {
    expect(
      validateDetectionEvent({ id: 'a', data: { eventId: 'b' } }).map((i) => i.code),
    ).not.toContain(ValidationIssueCode.Inconsistent);
  });
});
