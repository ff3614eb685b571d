import { parseDetection, validateDetectionEvent, ValidationIssueCode } from '@lib/contracts';
import {
  DetectionEventFactory,
  resetFactoryIds,
  type BehaviourType,
} from './detection-event.factory';
import { MalformedKind, MalformedPayloads } from './malformed-payloads.factory';

const MAX_BYTES = 16 * 1024;

describe('DetectionEventFactory', () => {
  beforeEach(() => resetFactoryIds());

  const scenarios = [
    ['create', () => DetectionEventFactory.create()],
    ['minimal', () => DetectionEventFactory.minimal()],
    ['lpr', () => DetectionEventFactory.lpr()],
    ['person', () => DetectionEventFactory.person()],
    ['faceMatch', () => DetectionEventFactory.faceMatch()],
    ...(
      ['fight', 'intrusion', 'loitering', 'weapon', 'abandoned-object'] satisfies BehaviourType[]
    ).map((type) => [`behaviour(${type})`, () => DetectionEventFactory.behaviour(type)] as const),
    ['sized(1500)', () => DetectionEventFactory.sized(1500)],
  ] as const;

  it.each(scenarios)('should build a valid, self-consistent event with %s', (_name, make) => {
    const event = make();
    expect(validateDetectionEvent(event)).toEqual([]);
    expect(event.id).toBe(event.data.eventId);
    expect(event.time).toBe(event.data.occurredAt);
    expect(event.source).toBe(
      `urn:site:${event.data.siteId ?? 'miraflores'}:camera:${event.data.cameraId}`,
    );
  });

  it('should number events and space them a second apart from 2026-03-14T08:00:00Z', () => {
    const first = DetectionEventFactory.create();
    const second = DetectionEventFactory.lpr();
    expect([first.id, first.time]).toEqual(['det-000001', '2026-03-14T08:00:01.000Z']);
    expect([second.id, second.time]).toEqual(['det-000002', '2026-03-14T08:00:02.000Z']);
  });

  it('should restart numbering after resetFactoryIds', () => {
    DetectionEventFactory.create();
    resetFactoryIds();
    expect(DetectionEventFactory.create().id).toBe('det-000001');
  });

  it('should deep-merge data overrides and keep the envelope consistent', () => {
    const event = DetectionEventFactory.person({
      cameraId: 'cam-x',
      attributes: { person: { clothing: { upper: { color: 'green' } } } },
      geo: undefined,
      id: 'det-custom',
      extensions: { dataregulation: 'GDPR' },
    });
    expect(event.data.attributes?.person?.clothing).toEqual({
      upper: { type: 'jacket', color: 'green' },
      lower: { type: 'trousers', color: 'dark-blue' },
      hat: false,
    });
    expect(event.data).not.toHaveProperty('geo');
    expect([event.id, event.data.eventId, event.partitionkey]).toEqual([
      'det-custom',
      'det-custom',
      'cam-x',
    ]);
    expect(event.source).toBe('urn:site:miraflores:camera:cam-x');
    expect(event).toHaveProperty('dataregulation', 'GDPR');
  });

  it('should build an inconsistent event only when both sides are overridden', () => {
    const event = DetectionEventFactory.create({ id: 'det-a', eventId: 'det-b' });
    const [issue, ...others] = validateDetectionEvent(event);
    expect([issue.path, issue.code, others]).toEqual(['/id', ValidationIssueCode.Inconsistent, []]);
  });

  it('should keep minimal events to the required members', () => {
    const event = DetectionEventFactory.minimal();
    expect(Object.keys(event).sort()).toEqual([
      'data',
      'id',
      'source',
      'specversion',
      'time',
      'type',
    ]);
    expect(Object.keys(event.data).sort()).toEqual([
      'analyticType',
      'cameraId',
      'confidence',
      'eventId',
      'objectClass',
      'occurredAt',
    ]);
  });

  it.each([1200, 1500, 2048, 65_536])('should size an event to exactly %i bytes', (bytes) => {
    expect(DetectionEventFactory.toBytes(DetectionEventFactory.sized(bytes))).toHaveLength(bytes);
  });

  it('should refuse a size smaller than a person event', () => {
    expect(() => DetectionEventFactory.sized(100)).toThrow(/already \d+ bytes/);
  });

  it('should produce full person events of 1 to 2 KB', () => {
    const size = DetectionEventFactory.toBytes(DetectionEventFactory.person()).length;
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(2048);
  });
});

describe('MalformedPayloads', () => {
  beforeEach(() => resetFactoryIds());

  it.each(Object.values(MalformedKind))(
    'should make a %s payload that fails as announced',
    (kind) => {
      const payload = MalformedPayloads.create({ kind, maxBytes: MAX_BYTES });
      const result = parseDetection(payload.bytes, { maxBytes: MAX_BYTES });
      expect(result.ok).toBe(false);
      const first = result.ok ? undefined : result.issues[0];
      expect({ code: first?.code, path: first?.path }).toEqual(payload.expected);
    },
  );

  it('should make an oversize payload even for a limit below a normal event', () => {
    const payload = MalformedPayloads.create({ kind: MalformedKind.Oversize, maxBytes: 200 });
    expect(payload.bytes.length).toBeGreaterThan(200);
    expect(parseDetection(payload.bytes, { maxBytes: 200 })).toMatchObject({ ok: false });
  });

  it('should make 50 distinct payloads cycling through every kind', () => {
    const batch = MalformedPayloads.batch({ count: 50, maxBytes: MAX_BYTES });
    expect(batch).toHaveLength(50);
    expect(new Set(batch.map((p) => p.kind))).toEqual(new Set(Object.values(MalformedKind)));
    expect(new Set(batch.map((p) => p.bytes.toString('base64'))).size).toBe(50);
    expect(new Set(batch.map((p) => p.eventId)).size).toBe(50);
  });
});
