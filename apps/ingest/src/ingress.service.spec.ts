import { AdapterFormat } from '@lib/adapters';
import { JsonLogger, fixedClock } from '@lib/common';
import type { DeadLetterRecordV1, DetectionEventV1 } from '@lib/contracts';
import type { OutboundRecord } from '@lib/kafka';
import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../test/factories/detection-event.factory';
import { IngressService } from './ingress.service';
import type { IngressInput, NormaliseResult } from './ingress.types';
import { formatOfMqttTopic } from './mqtt-ingress';

const source = { transport: 'mqtt' as const, channel: 'frigate/events' };
const input = (payload = Buffer.from('{}')): IngressInput => ({
  format: AdapterFormat.Frigate,
  channel: 'frigate/events',
  payload,
  contentType: null,
});

function service(
  result: NormaliseResult,
  options: { dedup?: (e: DetectionEventV1) => boolean } = {},
) {
  const published: OutboundRecord[] = [];
  const stored: Array<{ eventId: string; bytes: Buffer }> = [];
  const ingress = new IngressService({
    normaliser: { normalise: () => structuredClone(result) },
    publish: (records) => {
      published.push(...records);
      return Promise.resolve();
    },
    evidence: {
      put: (eventId, bytes) => {
        stored.push({ eventId, bytes });
        return Promise.resolve(`evidence:${eventId}`);
      },
    },
    deduplicate: options.dedup ?? (() => true),
    clock: fixedClock('2026-11-26T12:00:00Z'),
    logger: new JsonLogger({ service: 'test', level: 'error' }),
    maxPayloadBytes: 1_024,
  });
  return { ingress, published, stored };
}

describe('IngressService', () => {
  beforeEach(() => resetFactoryIds());

  it('publishes each canonical event to the raw topic, keyed by camera', async () => {
    const events = [DetectionEventFactory.behaviour('fight'), DetectionEventFactory.lpr()];
    const { ingress, published } = service({ ok: true, items: events.map((event) => ({ event })) });
    await expect(ingress.accept(input(), source)).resolves.toEqual({
      published: 2,
      duplicates: 0,
      issues: null,
    });
    expect(published.map((r) => [r.topic, r.key])).toEqual(
      events.map((e) => ['detections.raw.v1', e.data.cameraId]),
    );
    expect(ingress.stats()).toMatchObject({ received: 1, published: 2, deadLettered: 0 });
  });

  it('takes images out to the evidence store and leaves only a reference in the event', async () => {
    const event = DetectionEventFactory.lpr();
    event.data.snapshot = {
      image: {
        contentType: 'image/jpeg',
        dataBase64: Buffer.from('inline-jpeg').toString('base64'),
      },
      boxes: [{ x: 0.1, y: 0.1, w: 0.1, h: 0.05, kind: 'plate' }],
    };
    const { ingress, published, stored } = service({ ok: true, items: [{ event }] });
    await ingress.accept(input(), source);
    expect(stored).toEqual([{ eventId: event.id, bytes: Buffer.from('inline-jpeg') }]);
    const sent = JSON.parse(String(published[0].value)) as DetectionEventV1;
    expect(sent.data.snapshot).toEqual({
      ref: `evidence:${event.id}`,
      boxes: [{ x: 0.1, y: 0.1, w: 0.1, h: 0.05, kind: 'plate' }],
    });
    expect(String(published[0].value)).not.toContain('inline-jpeg');
  });

  it('dead-letters an unreadable payload with its exact bytes, its source and every reason', async () => {
    const issues = [{ path: '/after', code: 'schema' as const, message: 'must be object' }];
    const { ingress, published } = service({ ok: false, issues: issues as never });
    const bytes = Buffer.from('{"type":42}');
    const outcome = await ingress.accept(input(bytes), source);
    expect(outcome.issues).toEqual(issues);
    expect(published).toHaveLength(1);
    expect(published[0].topic).toBe('detections.dlq.v1');
    const letter = JSON.parse(String(published[0].value)) as DeadLetterRecordV1;
    expect(letter).toMatchObject({
      source: {
        transport: 'mqtt',
        channel: 'frigate/events',
        format: AdapterFormat.Frigate,
        contentType: null,
      },
      originalBase64: bytes.toString('base64'),
      originalSize: bytes.length,
      errors: issues,
      receivedAt: '2026-11-26T12:00:00.000Z',
    });
  });

  it('dead-letters a payload over the size limit without reading it', async () => {
    const { ingress, published } = service({ ok: true, items: [] });
    const outcome = await ingress.accept(input(Buffer.alloc(2_000, 0x20)), source);
    expect(outcome.issues?.[0]).toMatchObject({ code: 'too_large', path: '' });
    expect(published[0].topic).toBe('detections.dlq.v1');
  });

  it('counts folded repeats instead of publishing them', async () => {
    const events = [
      DetectionEventFactory.behaviour('fight'),
      DetectionEventFactory.behaviour('fight'),
    ];
    let first = true;
    const { ingress, published } = service(
      { ok: true, items: events.map((event) => ({ event })) },
      {
        dedup: () => {
          const keep = first;
          first = false;
          return keep;
        },
      },
    );
    await expect(ingress.accept(input(), source)).resolves.toMatchObject({
      published: 1,
      duplicates: 1,
    });
    expect(published).toHaveLength(1);
  });
});

describe('formatOfMqttTopic', () => {
  it.each([
    ['frigate/events', 'frigate'],
    ['frigate/tracked_object_update', 'frigate'],
    ['site/frigate/events', 'frigate'],
    ['depot-cam11/onvif-mj/VideoAnalytics/prof_main/ObjClassifier', 'onvif'],
    ['depot-cam11/onvif-ej/RuleEngine/Recognition/Face/&vs1/WatchA', 'onvif'],
    ['frigate/reviews', null],
    ['random/topic', null],
  ])('%s → %s', (topic, format) => {
    expect(formatOfMqttTopic(topic)).toBe(format);
  });
});
