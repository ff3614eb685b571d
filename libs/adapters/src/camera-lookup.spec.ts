import {
  AdapterFormat,
  adapterFormatOf,
  buildCameraLookup,
  CameraLookupSkip,
  normalise,
  type VendorCameraRow,
} from '@lib/adapters';
import { fixtureCases } from '../test/fixture-cases';

function row(overrides: Partial<VendorCameraRow> & Pick<VendorCameraRow, 'cameraId'>) {
  return {
    siteId: 'mf-larco',
    zoneType: 'via-publica',
    vendorFormat: 'hikvision-isapi',
    vendorDeviceId: '44:19:b6:0a:1c:01',
    vendorChannel: null,
    ...overrides,
  };
}

describe(adapterFormatOf.name, () => {
  it.each([
    ['hikvision-isapi', AdapterFormat.Hikvision],
    ['Hikvision', AdapterFormat.Hikvision],
    ['deepstream', AdapterFormat.DeepStream],
    ['frigate', AdapterFormat.Frigate],
    [' onvif-mj ', AdapterFormat.Onvif],
    ['onvif_profile_m', AdapterFormat.Onvif],
    ['dahua', undefined],
    ['hikvisionx', undefined],
    ['', undefined],
    [null, undefined],
  ])('should read %p as %p', (vendorFormat, expected) => {
    expect(adapterFormatOf(vendorFormat)).toBe(expected);
  });
});

describe(buildCameraLookup.name, () => {
  it('should resolve a device to its camera id, site and zone when the format matches', () => {
    const lookup = buildCameraLookup([row({ cameraId: 'cam-mf-002' })]);

    expect(
      lookup.resolve({
        format: AdapterFormat.Hikvision,
        deviceId: '44:19:B6:0A:1C:01',
        channel: '1',
      }),
    ).toEqual({ cameraId: 'cam-mf-002', siteId: 'mf-larco', zone: 'via-publica' });
    expect(
      lookup.resolve({ format: AdapterFormat.Onvif, deviceId: '44:19:b6:0a:1c:01' }),
    ).toBeUndefined();
    expect(lookup.size).toBe(1);
    expect(lookup.problems).toEqual([]);
  });

  it('should prefer the camera registered on the channel over the whole device', () => {
    const lookup = buildCameraLookup([
      row({ cameraId: 'cam-nvr', vendorChannel: null }),
      row({ cameraId: 'cam-nvr-2', vendorChannel: '2' }),
    ]);
    const on = (channel?: string) =>
      lookup.resolve({ format: AdapterFormat.Hikvision, deviceId: '44:19:b6:0a:1c:01', channel })
        ?.cameraId;

    expect([on('2'), on('1'), on(undefined)]).toEqual(['cam-nvr-2', 'cam-nvr', 'cam-nvr']);
  });

  it('should not resolve a channel of a device registered only on another channel', () => {
    const lookup = buildCameraLookup([row({ cameraId: 'cam-1', vendorChannel: '1' })]);

    expect(
      lookup.resolve({ format: AdapterFormat.Hikvision, deviceId: '44:19:b6:0a:1c:01' }),
    ).toBeUndefined();
    expect(
      lookup.resolve({
        format: AdapterFormat.Hikvision,
        deviceId: '44:19:b6:0a:1c:01',
        channel: '3',
      }),
    ).toBeUndefined();
  });

  it('should resolve neither camera when two claim the same reference, and report both', () => {
    const lookup = buildCameraLookup([
      row({ cameraId: 'cam-b', vendorDeviceId: 'SENSOR-1', vendorFormat: 'deepstream' }),
      row({ cameraId: 'cam-a', vendorDeviceId: 'sensor-1', vendorFormat: 'DeepStream' }),
      row({ cameraId: 'cam-c', vendorFormat: 'dahua' }),
      row({ cameraId: 'cam-d', vendorFormat: null }),
    ]);

    expect(
      lookup.resolve({ format: AdapterFormat.DeepStream, deviceId: 'sensor-1' }),
    ).toBeUndefined();
    expect(lookup.size).toBe(0);
    expect(lookup.problems).toEqual([
      { reason: CameraLookupSkip.UnreadFormat, cameraIds: ['cam-c', 'cam-d'] },
      { reason: CameraLookupSkip.Ambiguous, cameraIds: ['cam-a', 'cam-b'] },
    ]);
  });

  it('should give a vendor payload the registry camera through normalise, and the fallback id without a match', () => {
    const [kase] = fixtureCases(AdapterFormat.Hikvision, 'valid').filter(
      (c) => c.name === 'anpr-xml',
    );
    const lookup = buildCameraLookup([
      row({ cameraId: 'cam-si-004', siteId: 'si-centro', vendorDeviceId: '00:11:22:AA:BB:41' }),
    ]);

    const resolved = normalise(AdapterFormat.Hikvision, kase.input, {
      resolveCamera: lookup.resolve,
    });
    const fallback = normalise(AdapterFormat.Hikvision, kase.input, {
      resolveCamera: buildCameraLookup([]).resolve,
    });

    expect(resolved.ok && resolved.items[0].event.data).toMatchObject({
      cameraId: 'cam-si-004',
      siteId: 'si-centro',
    });
    expect(fallback.ok && fallback.items[0].event.data.cameraId).toBe('00:11:22:aa:bb:41:1');
  });
});
