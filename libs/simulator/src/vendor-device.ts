import { AdapterFormat, adapterFormatOf } from '@lib/adapters';
import type { CameraRecord } from '@lib/contracts';
import type { VendorFormat } from './vendor-mix';

/**
 * A simulated camera. With the vendor fields the registry holds for it (`vendorFormat`,
 * `vendorDeviceId`, `vendorChannel`), it speaks that vendor's format as that device, so the
 * ingress can resolve it to its registry id; without them the simulator picks both.
 */
export interface SimulatedCamera extends CameraRecord {
  vendorFormat?: string | null;
  vendorDeviceId?: string | null;
  vendorChannel?: string | null;
}

/** What the camera calls itself on the wire: sensor id, Frigate camera, topic prefix or MAC. */
export interface VendorDevice {
  deviceId: string;
  channel?: string;
}

export interface VendorSpeaker {
  camera: SimulatedCamera;
  format: VendorFormat;
  device: VendorDevice;
}

/**
 * Which wire format each camera speaks, one per camera as real ones do. A camera registered with
 * a vendor format speaks one of that vendor's wire formats among `formats` (its cameras take
 * them in turn) or is left out when there is none; any other camera takes `formats` in turn by
 * its position, as before vendor references existed.
 */
export function vendorSpeakers(args: {
  cameras: readonly SimulatedCamera[];
  formats: readonly VendorFormat[];
}): VendorSpeaker[] {
  const turns = new Map<string, number>();
  const speakers: VendorSpeaker[] = [];
  args.cameras.forEach((camera, index) => {
    const vendor = adapterFormatOf(camera.vendorFormat);
    const own = vendor && args.formats.filter((format) => adapterFormatOf(format) === vendor);
    if (own?.length === 0) {
      return;
    }
    const turn = vendor ? (turns.get(vendor) ?? 0) : index;
    if (vendor) {
      turns.set(vendor, turn + 1);
    }
    const choices = own ?? args.formats;
    const format = choices[turn % choices.length];
    speakers.push({ camera, format, device: vendorDevice({ camera, format, index }) });
  });
  return speakers;
}

function vendorDevice(args: {
  camera: SimulatedCamera;
  format: VendorFormat;
  index: number;
}): VendorDevice {
  const { camera, format, index } = args;
  const channel = camera.vendorChannel ?? undefined;
  if (camera.vendorDeviceId) {
    return { deviceId: camera.vendorDeviceId, channel };
  }
  // An unregistered Hikvision device still has one MAC of its own, derived from its position.
  return adapterFormatOf(format) === AdapterFormat.Hikvision
    ? { deviceId: `00:11:22:aa:${hexByte(index >> 8)}:${hexByte(index)}`, channel }
    : { deviceId: camera.cameraId, channel };
}

function hexByte(value: number): string {
  return (value & 0xff).toString(16).padStart(2, '0');
}
