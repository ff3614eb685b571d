import type { CameraRecord } from '@lib/contracts';
import { VENDOR_FORMATS, VendorMix } from './vendor-mix';

const cameras: CameraRecord[] = Array.from({ length: 16 }, (_, i) => ({
  cameraId: `cam-${i}`,
  name: `Cámara ${i}`,
  district: 'San Isidro',
  siteId: 'si-1',
  zoneType: 'via-publica',
  allowedPurposes: ['delito-en-flagrancia'],
}));
const startAt = new Date('2026-11-26T12:00:00Z');

describe('VendorMix', () => {
  it('gives the same bytes for the same seed and different bytes for another', () => {
    const take = (seed: number) => {
      const mix = new VendorMix({ seed, cameras, startAt });
      return Array.from({ length: 200 }, () => mix.next().payload.toString('base64')).join();
    };
    expect(take(3)).toBe(take(3));
    expect(take(3)).not.toBe(take(4));
  });

  it('speaks every format, one per camera, each over its transport', () => {
    const mix = new VendorMix({ seed: 1, cameras, startAt, malformedShare: 0 });
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < 2_000; i++) {
      const m = mix.next();
      (seen.get(m.cameraId) ?? seen.set(m.cameraId, new Set()).get(m.cameraId))?.add(m.format);
      expect(m.malformed).toBe(false);
      const text = m.payload.toString();
      const wellFormed =
        m.format === 'hikvision-xml'
          ? /^<\?xml[\s\S]*<\/EventNotificationAlert>$/.test(text)
          : typeof JSON.parse(text) === 'object';
      expect(wellFormed).toBe(true);
      expect(m.transport).toBe(
        m.format.startsWith('hikvision')
          ? 'http'
          : m.format.startsWith('deepstream')
            ? 'kafka'
            : 'mqtt',
      );
    }
    expect([...seen.values()].every((formats) => formats.size === 1)).toBe(true);
    expect(new Set([...seen.values()].flatMap((f) => [...f]))).toEqual(new Set(VENDOR_FORMATS));
  });

  it('breaks about the share of payloads it is asked to, and says which', () => {
    const mix = new VendorMix({ seed: 9, cameras, startAt, malformedShare: 0.1 });
    const broken = Array.from({ length: 5_000 }, () => mix.next()).filter((m) => m.malformed);
    expect(broken.length).toBeGreaterThan(400);
    expect(broken.length).toBeLessThan(600);
  });
});
