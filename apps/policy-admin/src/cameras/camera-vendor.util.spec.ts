import type { CameraDetail } from '@lib/persistence';
import { cameraVendorIssues, takenVendorRefIssues } from './camera-vendor.util';

function registered(cameraId: string, overrides: Partial<CameraDetail> = {}): CameraDetail {
  return {
    cameraId,
    name: cameraId,
    district: 'miraflores',
    siteId: 's',
    zoneType: 'via-publica',
    allowedPurposes: [],
    geo: null,
    signageId: null,
    dataBankRegistrationId: null,
    vendorFormat: 'hikvision-isapi',
    vendorDeviceId: '44:19:b6:0a:1c:01',
    vendorChannel: '1',
    retired: false,
    rowVersion: 1,
    ...overrides,
  };
}
const hik = (cameraId: string, vendorDeviceId: string, vendorChannel: string | null = '1') => ({
  cameraId,
  vendorFormat: 'hikvision-isapi',
  vendorDeviceId,
  vendorChannel,
});

describe(cameraVendorIssues.name, () => {
  it('should accept a device with a format the ingress reads, or no vendor reference at all', () => {
    expect(cameraVendorIssues(hik('c', 'aa:bb'))).toEqual([]);
    expect(cameraVendorIssues({ vendorFormat: 'dahua' })).toEqual([]);
  });
});

describe(takenVendorRefIssues.name, () => {
  it('should refuse a device another active camera is, whatever the case of the MAC', () => {
    const issues = takenVendorRefIssues({
      cameras: [hik('cam-new', '44:19:B6:0A:1C:01')],
      registry: [registered('cam-old')],
    });

    expect(issues).toEqual([
      expect.objectContaining({ row: 1, path: '/vendorDeviceId', code: 'vendor_device_taken' }),
    ]);
    expect(issues[0].es).toContain('cam-old');
  });

  it('should allow the same camera, a retired one, another channel and the whole device', () => {
    const registry = [
      registered('cam-old'),
      registered('cam-gone', { vendorDeviceId: '44:19:b6:0a:1c:09', retired: true }),
    ];

    expect(
      takenVendorRefIssues({
        cameras: [
          hik('cam-old', '44:19:b6:0a:1c:01'),
          hik('cam-ch2', '44:19:b6:0a:1c:01', '2'),
          hik('cam-nvr', '44:19:b6:0a:1c:01', null),
          hik('cam-new', '44:19:b6:0a:1c:09'),
        ],
        registry,
      }),
    ).toEqual([]);
  });

  it('should report the second of two rows in one import that claim the same device', () => {
    const issues = takenVendorRefIssues({
      cameras: [hik('a', 'aa:bb'), hik('b', 'cc:dd'), hik('c', 'AA:BB')],
      registry: [],
    });

    expect(issues.map((i) => [i.row, i.code])).toEqual([[3, 'vendor_device_taken']]);
  });
});
