import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFormatOf, buildCameraLookup, normalise, type AdapterFormat } from '@lib/adapters';
import { VENDOR_FORMATS, VendorMix, vendorSpeakers, type SimulatedCamera } from '@lib/simulator';

const DEMO = join(__dirname, '..', '..', '..', 'policies', 'demo', 'cameras.json');
const demoCameras = JSON.parse(readFileSync(DEMO, 'utf8')) as SimulatedCamera[];

const camera = (cameraId: string, vendor: Partial<SimulatedCamera> = {}): SimulatedCamera => ({
  cameraId,
  name: cameraId,
  district: 'Miraflores',
  siteId: 'mf-1',
  zoneType: 'parque',
  allowedPurposes: [],
  ...vendor,
});

describe(vendorSpeakers.name, () => {
  it('should let registered cameras speak their vendor in turn and others take formats by position', () => {
    const speakers = vendorSpeakers({
      cameras: [
        camera('a', { vendorFormat: 'hikvision-isapi', vendorDeviceId: '44:19:b6:00:00:01' }),
        camera('b'),
        camera('c', { vendorFormat: 'Hikvision', vendorDeviceId: '44:19:b6:00:00:02' }),
        camera('d', { vendorFormat: 'frigate', vendorDeviceId: 'gate' }),
      ],
      formats: ['deepstream-full', 'hikvision-xml', 'hikvision-json'],
    });

    expect(speakers.map((s) => [s.camera.cameraId, s.format, s.device.deviceId])).toEqual([
      ['a', 'hikvision-xml', '44:19:b6:00:00:01'],
      ['b', 'hikvision-xml', '00:11:22:aa:00:01'],
      ['c', 'hikvision-json', '44:19:b6:00:00:02'],
    ]);
  });
});

// The demo registry and the simulator check each other: every vendor camera `npm start` runs
// must resolve, through the real adapters and the ingress's lookup, to its registry camera.
describe('the demo registry with VendorMix', () => {
  it('should resolve every simulated vendor payload to the camera that sent it, in every format', () => {
    const lookup = buildCameraLookup(
      demoCameras.map((c) => ({
        ...c,
        vendorFormat: c.vendorFormat ?? null,
        vendorDeviceId: c.vendorDeviceId as string,
        vendorChannel: c.vendorChannel ?? null,
      })),
    );
    const mix = new VendorMix({
      seed: 2026,
      cameras: demoCameras,
      startAt: new Date('2026-11-26T12:00:00Z'),
      malformedShare: 0,
    });
    const spoken = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const m = mix.next();
      spoken.add(m.format);
      const result = normalise(
        adapterFormatOf(m.format) as AdapterFormat,
        { channel: m.channel, payload: m.payload },
        { frameSize: { width: 1920, height: 1080 }, resolveCamera: lookup.resolve },
      );

      expect(result.ok).toBe(true);
      for (const item of result.ok ? result.items : []) {
        expect(item.event.data.cameraId).toBe(m.cameraId);
      }
    }
    expect(lookup.problems).toEqual([]);
    expect(lookup.size).toBe(demoCameras.length);
    expect([...spoken].sort()).toEqual([...VENDOR_FORMATS].sort());
  });
});
