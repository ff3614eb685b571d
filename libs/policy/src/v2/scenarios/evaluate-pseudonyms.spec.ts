import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { compilePolicy } from '../../compile-policy';
import { hkdfKeyring } from '@lib/redaction';
import { pePolicyDoc } from '../../../test/v2/pe-policy.fixture';
import { evaluatePe } from '../../../test/v2/scenario-v2';
import { peCamera } from '../../../test/v2/pe-policy.fixture';

describe('evaluate v2: keyed pseudonyms of one track', () => {
  beforeEach(() => resetFactoryIds());

  const fight = (occurredAt: string) =>
    DetectionEventFactory.behaviour('fight', {
      cameraId: 'cam-si-002',
      occurredAt,
      trackId: 'trk-000777',
    }).data;
  const loitering = (occurredAt: string) =>
    DetectionEventFactory.behaviour('loitering', {
      cameraId: 'cam-si-002',
      occurredAt,
      trackId: 'trk-000777',
    }).data;
  const trackOf = (event: ReturnType<typeof fight>, purpose: string): unknown =>
    evaluatePe(event).alerts.find((a) => a.purpose === purpose)?.data.trackId;

  it('should be stable within a day for one purpose', () => {
    const morning = trackOf(fight('2026-03-14T00:00:00.000Z'), 'delito-en-flagrancia');
    const night = trackOf(fight('2026-03-14T23:59:59.999Z'), 'delito-en-flagrancia');
    expect(morning).toMatch(/^ps_/);
    expect(night).toBe(morning);
  });

  it('should change from one day to the next', () => {
    expect(trackOf(fight('2026-03-14T12:00:00.000Z'), 'delito-en-flagrancia')).not.toBe(
      trackOf(fight('2026-03-15T12:00:00.000Z'), 'delito-en-flagrancia'),
    );
  });

  it('should differ between purposes, so their alerts cannot be linked', () => {
    const at = '2026-03-14T10:00:00.000Z';
    expect(trackOf(fight(at), 'delito-en-flagrancia')).not.toBe(
      trackOf(loitering(at), 'busqueda-por-atributos'),
    );
  });

  it('should differ under another secret, and never show the secret', () => {
    const secret = Buffer.alloc(32, 9);
    const other = compilePolicy(pePolicyDoc(), { keyring: hkdfKeyring(secret) });
    const event = fight('2026-03-14T10:00:00.000Z');
    const alert = other
      .evaluate({ event, camera: peCamera('cam-si-002') })
      .alerts.find((a) => a.purpose === 'delito-en-flagrancia');
    expect(alert?.data.trackId).not.toBe(trackOf(event, 'delito-en-flagrancia'));
    expect(JSON.stringify(alert)).not.toContain(secret.toString('hex'));
  });
});
