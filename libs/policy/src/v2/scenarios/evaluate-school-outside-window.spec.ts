import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { evaluatePe, reasonCodes } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a camera at a school perimeter, outside school hours', () => {
  beforeEach(() => resetFactoryIds());

  // cam-si-003 watches a school perimeter; the purpose acts Mon–Fri 06:30–08:30 and
  // 12:30–14:30, America/Lima (UTC−5, no DST)
  const loitering = (occurredAt: string) =>
    DetectionEventFactory.behaviour('loitering', { cameraId: 'cam-si-003', occurredAt }).data;

  it('should suppress loitering at 22:00 on a Tuesday, saying the window does not hold', () => {
    const evaluation = evaluatePe(loitering('2026-03-18T03:00:00.000Z'));
    expect(evaluation.alerts).toEqual([]);
    expect(reasonCodes(evaluation)).toEqual([
      'purpose.camera_not_allowed',
      'purpose.outside_window',
    ]);
    expect(evaluation.decision.reasons[1].es).toContain(
      'lun,mar,mié,jue,vie 06:30–08:30 America/Lima',
    );
  });

  it.each([
    ['Tuesday 07:00 Lima', '2026-03-17T12:00:00.000Z', 'forward'],
    ['Tuesday 06:29 Lima', '2026-03-17T11:29:00.000Z', 'suppress'],
    ['Tuesday 08:30 Lima (the end is exclusive)', '2026-03-17T13:30:00.000Z', 'suppress'],
    ['Tuesday 14:29 Lima', '2026-03-17T19:29:00.000Z', 'forward'],
    ['Saturday 07:00 Lima', '2026-03-21T12:00:00.000Z', 'suppress'],
    ['Monday 07:00 Lima written with its offset', '2026-03-16T07:00:00.000-05:00', 'forward'],
    ['Friday 23:30 Lima, already Saturday in UTC', '2026-03-21T04:30:00.000Z', 'suppress'],
  ])('should decide by Lima time: %s → %s', (_when, occurredAt, verdict) => {
    expect(evaluatePe(loitering(occurredAt)).decision.verdict).toBe(verdict);
  });
});
