import { ADAPTER_FORMATS, adapterFormatOf } from '@lib/adapters';
import type { CameraFields } from '@lib/persistence';
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
