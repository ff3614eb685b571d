import { ADAPTER_FORMATS, adapterFormatOf, vendorRefKey } from '@lib/adapters';
import type { CameraDetail, CameraFields } from '@lib/persistence';
import type { AdminIssue } from '../admin.error';

type VendorFields = Partial<
  Pick<CameraFields, 'vendorFormat' | 'vendorDeviceId' | 'vendorChannel'>
>;

/**
 * What the schema cannot say about a camera's vendor reference: a device id is only of use with a
 * format the ingress reads (its first word: `hikvision-isapi`), and a channel only with a device.
 */
export function cameraVendorIssues(camera: VendorFields): AdminIssue[] {
  const issues: AdminIssue[] = [];
  const formats = ADAPTER_FORMATS.join(', ');
  if (present(camera.vendorDeviceId) && adapterFormatOf(camera.vendorFormat) === undefined) {
    issues.push({
      path: '/vendorFormat',
      code: 'vendor_format_unread',
      es: `Con vendorDeviceId, vendorFormat debe empezar por un formato que la ingesta lee (${formats}).`,
      en: `With vendorDeviceId, vendorFormat must start with a format the ingress reads (${formats}).`,
    });
  }
  if (present(camera.vendorChannel) && !present(camera.vendorDeviceId)) {
    issues.push({
      path: '/vendorDeviceId',
      code: 'required',
      es: 'vendorChannel necesita vendorDeviceId.',
      en: 'vendorChannel needs vendorDeviceId.',
    });
  }
  return issues;
}

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

/**
 * Cameras that would claim a vendor device (format, device, channel) another active camera, or an
 * earlier one of `cameras`, already claims: the ingress could resolve neither. Rows are 1-based.
 */
export function takenVendorRefIssues(args: {
  cameras: ReadonlyArray<Pick<CameraFields, 'cameraId'> & VendorFields>;
  registry: readonly CameraDetail[];
}): AdminIssue[] {
  const owners = new Map<string, string>();
  const incoming = new Set(args.cameras.map((c) => c.cameraId));
  for (const camera of args.registry) {
    const key = camera.retired || incoming.has(camera.cameraId) ? undefined : vendorRefKey(camera);
    if (key !== undefined) {
      owners.set(key, camera.cameraId);
    }
  }
  const issues: AdminIssue[] = [];
  args.cameras.forEach((camera, index) => {
    const key = vendorRefKey({
      vendorFormat: camera.vendorFormat ?? null,
      vendorDeviceId: camera.vendorDeviceId ?? null,
      vendorChannel: camera.vendorChannel ?? null,
    });
    if (key === undefined) {
      return;
    }
    const owner = owners.get(key);
    if (owner !== undefined) {
      issues.push({
        row: index + 1,
        path: '/vendorDeviceId',
        code: 'vendor_device_taken',
        es: `El dispositivo del fabricante ya es la cámara ${owner}.`,
        en: `The vendor device is already camera ${owner}.`,
      });
      return;
    }
    owners.set(key, camera.cameraId);
  });
  return issues;
}
