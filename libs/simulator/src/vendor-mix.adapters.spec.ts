import { AdapterFormat, normalise } from '@lib/adapters';
import type { CameraRecord } from '@lib/contracts';
import { VendorMix, type VendorFormat } from './vendor-mix';

const FORMAT: Record<VendorFormat, AdapterFormat> = {
  'deepstream-full': AdapterFormat.DeepStream,
  'deepstream-minimal': AdapterFormat.DeepStream,
  'frigate-events': AdapterFormat.Frigate,
  'frigate-tracked-object-update': AdapterFormat.Frigate,
  'onvif-mj': AdapterFormat.Onvif,
  'onvif-ej': AdapterFormat.Onvif,
  'hikvision-xml': AdapterFormat.Hikvision,
  'hikvision-json': AdapterFormat.Hikvision,
};

const cameras: CameraRecord[] = Array.from({ length: 8 }, (_, i) => ({
  cameraId: `cam-${i}`,
  name: `Cámara ${i}`,
  district: 'Miraflores',
  siteId: 'mf-1',
  zoneType: 'parque',
  allowedPurposes: [],
}));

// The simulator and the adapters check each other: what the simulated cameras send is what the
// adapters must read, and what the simulator breaks on purpose they must refuse.
describe('VendorMix through the real adapters', () => {
  it('sends payloads the adapters read, and broken ones they refuse', () => {
    const mix = new VendorMix({
      seed: 5,
      cameras,
      startAt: new Date('2026-11-26T12:00:00Z'),
      malformedShare: 0.1,
    });
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 1_000; i++) {
      const m = mix.next();
      const result = normalise(
        FORMAT[m.format],
        { channel: m.channel, payload: m.payload },
        { frameSize: { width: 1920, height: 1080 } },
      );
      expect({ format: m.format, ok: result.ok }).toEqual({ format: m.format, ok: !m.malformed });
      outcomes[result.ok ? 'read' : 'refused'] += 1;
    }
    expect(outcomes.refused).toBeGreaterThan(50);
  });
});
