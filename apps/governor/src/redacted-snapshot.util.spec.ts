import type { AlertV1 } from '@lib/contracts';
import { pointAtRedactedSnapshot } from './redacted-snapshot.util';

const alert = (extra: Partial<AlertV1>): AlertV1 =>
  ({
    alertId: 'al-1',
    data: {
      snapshot: {
        ref: 's3://evidence/ev-1.jpg',
        image: { contentType: 'image/jpeg', dataBase64: 'AAAA' },
        boxes: [{ x: 0.1, y: 0.1, w: 0.1, h: 0.1, kind: 'face' }],
      },
    },
    ...extra,
  }) as AlertV1;

describe('pointAtRedactedSnapshot', () => {
  it('replaces the original reference (and any inline image) with the redacted one', () => {
    const a = alert({ redaction: { regions: ['face'] } });
    pointAtRedactedSnapshot(a);
    expect(a.data.snapshot).toEqual({
      ref: 'tamiz-redacted:al-1.jpg',
      boxes: [{ x: 0.1, y: 0.1, w: 0.1, h: 0.1, kind: 'face' }],
    });
  });

  it('leaves an alert without a redaction instruction as it is', () => {
    const a = alert({});
    pointAtRedactedSnapshot(a);
    expect(a.data.snapshot?.ref).toBe('s3://evidence/ev-1.jpg');
  });
});
