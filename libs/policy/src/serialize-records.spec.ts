import type { AlertV1, DecisionRecordV1 } from '@lib/contracts';
import {
  alertHeadJson,
  markEngineAlert,
  serializeAlert,
  serializeDecision,
  sortedJson,
} from './serialize-records';

const POLICY = { id: 'p', version: '1', hash: 'a'.repeat(64) };

function decision(): DecisionRecordV1 {
  return {
    schema: 'tamiz.decision.v1',
    decisionId: 'dec:e-1',
    eventId: 'e-1',
    cameraId: 'cam-1',
    occurredAt: '2026-03-14T08:00:01.000Z',
    analyticType: 'fight',
    verdict: 'forward',
    purposes: ['a'],
    ruleIds: ['purpose:a'],
    reasons: [
      { code: 'purpose.matched', es: 'Se aplica «a».', en: 'Applies "a".', citation: 'L 1' },
    ],
    droppedPaths: ['geo'],
    transforms: [{ purpose: 'a', path: 'zone', transform: 'keep' }],
    policy: POLICY,
    humanReview: 'required',
    retentionClass: 'alerts',
    findings: [{ code: 'vendor_violation', path: 'attributes.person.race', citation: 'AIA' }],
  };
}

function alert(data: AlertV1['data']): AlertV1 {
  return {
    schema: 'tamiz.alert.v1',
    alertId: 'e-1:a',
    eventId: 'e-1',
    purpose: 'a',
    title: { es: 'Á', en: 'A' },
    priority: 'high',
    recipients: ['c'],
    humanReview: 'required',
    label: 'recommendation',
    policy: POLICY,
    data,
  };
}

function reversed<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(reversed) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    ) as T;
  }
  return value;
}

describe('serializeDecision', () => {
  it('should write what JSON.stringify writes for a record in contract order', () => {
    expect(serializeDecision(decision())).toBe(JSON.stringify(decision()));
  });

  it('should write the same bytes whatever order the keys were built in', () => {
    expect(serializeDecision(reversed(decision()))).toBe(serializeDecision(decision()));
  });

  it('should leave out an undefined citation and write a null policy and class', () => {
    const record = {
      ...decision(),
      reasons: [{ code: 'x', es: 'x', en: 'x' }],
      policy: null,
      retentionClass: null,
    };
    expect(JSON.parse(serializeDecision(record))).toEqual(record);
    expect(serializeDecision(record)).toContain('"reasons":[{"code":"x","es":"x","en":"x"}]');
  });

  it('should escape quotes, controls and lone surrogates as JSON.stringify does', () => {
    const record = { ...decision(), eventId: 'a"b\\c\nd\u0001e\ud800', droppedPaths: ['x"y'] };
    expect(serializeDecision(record)).toBe(JSON.stringify(record));
  });

  it('should reuse the JSON of frozen parts, and never of parts that can still change', () => {
    const reasons = Object.freeze([Object.freeze({ code: 'a', es: 'a', en: 'a' })]);
    const frozen = { ...decision(), reasons: reasons as DecisionRecordV1['reasons'] };
    expect(serializeDecision(frozen)).toContain('"reasons":[{"code":"a","es":"a","en":"a"}]');
    const open = decision();
    serializeDecision(open);
    open.reasons[0].es = 'cambiado';
    expect(serializeDecision(open)).toContain('"es":"cambiado"');
  });
});

describe('serializeAlert', () => {
  const data = { zone: 'z', geo: { lon: 2, lat: 1 }, cameraId: 'c' };

  it('should write envelope keys in contract order and data keys sorted', () => {
    expect(serializeAlert(reversed(alert(data)))).toBe(
      '{"schema":"tamiz.alert.v1","alertId":"e-1:a","eventId":"e-1","purpose":"a",' +
        '"title":{"es":"Á","en":"A"},"priority":"high","recipients":["c"],' +
        '"humanReview":"required","label":"recommendation",' +
        `"policy":{"id":"p","version":"1","hash":"${'a'.repeat(64)}"},` +
        '"data":{"cameraId":"c","geo":{"lat":1,"lon":2},"zone":"z"}}',
    );
  });

  it('should place a redaction instruction before the data', () => {
    const text = serializeAlert({ ...alert({}), redaction: { regions: ['face', 'plate'] } });
    expect(text).toContain(',"redaction":{"regions":["face","plate"]},"data":{}}');
  });

  it('should write an engine-built alert exactly as the general path does, and freeze it', () => {
    const built = alert({ cameraId: 'c', geo: { lat: 1, lon: 2 }, zone: 'z' });
    const general = serializeAlert({ ...built });
    const marked = markEngineAlert(built, alertHeadJson(built));
    expect(serializeAlert(marked)).toBe(general);
    expect(Object.isFrozen(marked)).toBe(true);
  });
});

describe('sortedJson', () => {
  it.each<[string, unknown, string]>([
    [
      'nested keys',
      { b: { d: 1, c: [{ z: 1, y: 2 }] }, a: null },
      '{"a":null,"b":{"c":[{"y":2,"z":1}],"d":1}}',
    ],
    ['integer-like keys by code unit', { 10: 'a', 9: 'b', a: 1 }, '{"10":"a","9":"b","a":1}'],
    ['undefined members left out', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined in a list as null', [undefined, 1], '[null,1]'],
    ['non-finite numbers as null', [NaN, Infinity], '[null,null]'],
    ['-0 as 0', -0, '0'],
  ])('should write %s', (_what, value, expected) => {
    expect(sortedJson(value)).toBe(expected);
  });
});
