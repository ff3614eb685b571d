import { AdapterFormat } from '@lib/adapters';
import { JsonLogger } from '@lib/common';
import type { CameraVendorRef } from '@lib/persistence';
import { CameraResolverService } from './camera-resolver.service';

const hik = (cameraId: string, vendorDeviceId: string): CameraVendorRef => ({
  cameraId,
  siteId: 'si-centro',
  zoneType: 'via-publica',
  vendorFormat: 'hikvision-isapi',
  vendorDeviceId,
  vendorChannel: null,
});
const ref = (deviceId: string) => ({ format: AdapterFormat.Hikvision, deviceId, channel: '1' });

function resolver(reads: Array<CameraVendorRef[] | Error>) {
  const lines: string[] = [];
  const sut = new CameraResolverService({
    load: () => {
      const next = reads.shift() ?? new Error('no more reads');
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    refreshMs: 60_000,
    logger: new JsonLogger({ service: 'test', level: 'debug', write: (l) => lines.push(l) }),
  });
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { sut, logged };
}

describe(CameraResolverService.name, () => {
  it('should resolve from the registry read at start and count resolved and unresolved references', async () => {
    const { sut } = resolver([[hik('cam-si-004', 'aa:bb')]]);
    await sut.start();
    sut.stop();

    expect(sut.resolve(ref('AA:BB'))?.cameraId).toBe('cam-si-004');
    expect(sut.resolve(ref('cc:dd'))).toBeUndefined();
    expect(sut.stats()).toEqual({ vendorCameras: 1, resolved: 1, unresolved: 1 });
  });

  it('should keep the last good registry when a refresh fails, and log the error name only', async () => {
    const failure = new Error('connect ECONNREFUSED postgres://tamiz:secret@db');
    const { sut, logged } = resolver([[hik('cam-1', 'aa:bb')], failure]);
    await sut.start();
    sut.stop();

    await expect(sut.refresh()).resolves.toBe(false);

    expect(sut.resolve(ref('aa:bb'))?.cameraId).toBe('cam-1');
    expect(JSON.stringify(logged())).not.toContain('secret');
    expect(logged().at(-1)).toMatchObject({ level: 'error', error: 'Error' });
  });

  it('should warn once about cameras claiming the same device, not on every refresh', async () => {
    const clash = [hik('cam-a', 'aa:bb'), hik('cam-b', 'AA:BB')];
    const { sut, logged } = resolver([clash, clash]);
    await sut.start();
    sut.stop();
    await sut.refresh();

    const warnings = logged().filter((l) => l.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({ reason: 'ambiguous', cameras: 2, cameraIds: 'cam-a,cam-b' }),
    ]);
    expect(sut.resolve(ref('aa:bb'))).toBeUndefined();
  });
});
