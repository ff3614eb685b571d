import { AdapterFormat, Deduplicator, normalise } from '@lib/adapters';
import type { Clock } from '@lib/common';
import type { DetectionEventV1 } from '@lib/contracts';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';

function eventAt(
  time: string,
  overrides: { cameraId?: string; trackId?: string; analyticType?: string } = {},
): DetectionEventV1 {
  return DetectionEventFactory.create({
    time,
    cameraId: overrides.cameraId ?? 'cam-1',
    trackId: overrides.trackId ?? 't-1',
    analyticType: overrides.analyticType ?? 'object',
  });
}

const at = (seconds: number): string =>
  new Date(Date.UTC(2025, 2, 14, 8, 0, seconds)).toISOString();

describe(Deduplicator.name, () => {
  it('should admit one event per key per window and count the repeats', () => {
    const dedup = new Deduplicator({ windowMs: 5_000, maxKeys: 100 });
    const first = eventAt(at(0));
    const verdicts = [first, eventAt(at(1)), eventAt(at(4)), eventAt(at(5)), eventAt(at(6))].map(
      (event) => dedup.admit(event),
    );
    expect(verdicts.map((v) => v.admitted)).toEqual([true, false, false, true, false]);
    expect(verdicts[2]).toEqual({ admitted: false, firstEventId: first.id, suppressed: 2 });
  });

  it('should keep keys apart by camera, track and analytic type', () => {
    const dedup = new Deduplicator({ windowMs: 5_000, maxKeys: 100 });
    const events = [
      eventAt(at(0)),
      eventAt(at(0), { cameraId: 'cam-2' }),
      eventAt(at(0), { trackId: 't-2' }),
      eventAt(at(0), { analyticType: 'face' }),
      eventAt(at(1)),
    ];
    expect(events.map((e) => dedup.admit(e).admitted)).toEqual([true, true, true, true, false]);
  });

  it('should tell trackless plate reads apart by plate, and fold a plate re-sent', () => {
    const dedup = new Deduplicator({ windowMs: 5_000, maxKeys: 100 });
    const read = (seconds: number, plate: string) => {
      const event = DetectionEventFactory.lpr({
        time: at(seconds),
        cameraId: 'cam-anpr',
        identifiers: { plate: { value: plate } },
      });
      delete event.data.trackId;
      return dedup.admit(event).admitted;
    };
    // an ANPR camera sends no track: two cars within a window are two events
    expect([read(0, 'ABC-123'), read(1, 'XYZ-987'), read(2, 'ABC-123')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('should suppress a late repeat that is older than the open window but inside it', () => {
    const dedup = new Deduplicator({ windowMs: 5_000, maxKeys: 100 });
    expect(dedup.admit(eventAt(at(10))).admitted).toBe(true);
    expect(dedup.admit(eventAt(at(7))).admitted).toBe(false);
    expect(dedup.admit(eventAt(at(4))).admitted).toBe(true);
  });

  it('should forget the least recently admitted key when full', () => {
    const dedup = new Deduplicator({ windowMs: 60_000, maxKeys: 2 });
    dedup.admit(eventAt(at(0), { trackId: 'a' }));
    dedup.admit(eventAt(at(1), { trackId: 'b' }));
    dedup.admit(eventAt(at(2), { trackId: 'c' }));
    expect(dedup.size).toBe(2);
    expect(dedup.admit(eventAt(at(3), { trackId: 'a' })).admitted).toBe(true);
    expect(dedup.admit(eventAt(at(3), { trackId: 'c' })).admitted).toBe(false);
  });

  it('should drop expired windows as time moves on', () => {
    const dedup = new Deduplicator({ windowMs: 1_000, maxKeys: 1_000 });
    for (let i = 0; i < 50; i += 1) {
      dedup.admit(eventAt(at(0), { trackId: `t-${i}` }));
    }
    dedup.admit(eventAt(at(30), { trackId: 'late' }));
    expect(dedup.size).toBe(1);
  });

  it('should read the injected clock when told to', () => {
    let now = Date.UTC(2025, 2, 14);
    const clock: Clock = { now: () => new Date(now) };
    const dedup = new Deduplicator({ windowMs: 1_000, maxKeys: 10, timeSource: 'clock', clock });
    // event times far apart, arrival within the window: the clock decides
    expect(dedup.admit(eventAt(at(0))).admitted).toBe(true);
    now += 500;
    expect(dedup.admit(eventAt(at(50))).admitted).toBe(false);
    now += 600;
    expect(dedup.admit(eventAt(at(0))).admitted).toBe(true);
  });

  it('should refuse a window or capacity that cannot work', () => {
    expect(() => new Deduplicator({ windowMs: 0, maxKeys: 1 })).toThrow(RangeError);
    expect(() => new Deduplicator({ windowMs: 1, maxKeys: 0 })).toThrow(RangeError);
    expect(() => new Deduplicator({ windowMs: 1, maxKeys: 1, timeSource: 'clock' })).toThrow(
      RangeError,
    );
  });
});

describe('Deduplicator on a Frigate update storm', () => {
  it('should keep one canonical event per window out of one update per 200 ms', () => {
    const options = fixtureOptions(AdapterFormat.Frigate);
    const [kase] = fixtureCases(AdapterFormat.Frigate, 'valid').filter(
      (c) => c.name === 'events-update-person-face',
    );
    const message = JSON.parse(kase.input.payload.toString()) as { after: { frame_time: number } };
    const start = message.after.frame_time;
    const dedup = new Deduplicator({ windowMs: 2_000, maxKeys: 100 });
    const admitted: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      message.after.frame_time = start + i * 0.2;
      const payload = Buffer.from(JSON.stringify(message));
      const result = normalise(AdapterFormat.Frigate, { ...kase.input, payload }, options);
      for (const item of result.ok ? result.items : []) {
        if (dedup.admit(item.event).admitted) {
          admitted.push(item.event.time);
        }
      }
    }
    // 10 s of updates, a 2 s window: one event at 0, 2, 4, 6 and 8 s
    expect(admitted).toHaveLength(5);
    expect(new Set(admitted).size).toBe(5);
  });
});
