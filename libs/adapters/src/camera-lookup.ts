import {
  ADAPTER_FORMATS,
  type AdapterFormat,
  type CameraRef,
  type ResolvedCamera,
} from './adapter.types';

/** A registry camera that names its vendor device: the fields the lookup reads. */
export interface VendorCameraRow {
  cameraId: string;
  siteId: string;
  zoneType: string;
  /** Free text in the registry (`hikvision-isapi`, `onvif`); its first word names the format. */
  vendorFormat: string | null;
  vendorDeviceId: string;
  /** Null: the camera is the whole device, whatever channel the vendor reports. */
  vendorChannel: string | null;
}

/** Why a row or a vendor reference was left out of the lookup. */
export enum CameraLookupSkip {
  /** The row's vendor format is none the adapters read (`dahua`, or unset). */
  UnreadFormat = 'unread-format',
  /** Two or more cameras claim the same reference; none of them is resolved by it. */
  Ambiguous = 'ambiguous',
}

export interface CameraLookupProblem {
  reason: CameraLookupSkip;
  /** Registry camera ids involved; vendor device ids are left out of reports on purpose. */
  cameraIds: string[];
}

export interface CameraLookup {
  /** The registry camera a vendor reference names; undefined keeps the adapter's fallback id. */
  resolve(ref: CameraRef): ResolvedCamera | undefined;
  /** Distinct references the lookup resolves. */
  size: number;
  problems: CameraLookupProblem[];
}

/**
 * The adapter format a registry `vendorFormat` names: its first word (`hikvision-isapi` →
 * hikvision), compared without regard to case; undefined for a format no adapter reads.
 */
export function adapterFormatOf(
  vendorFormat: string | null | undefined,
): AdapterFormat | undefined {
  const word = vendorFormat
    ?.trim()
    .toLowerCase()
    .split(/[^a-z0-9]/)[0];
  return ADAPTER_FORMATS.find((format) => format === word);
}

/**
 * The reference a registry row claims, as the lookup compares it; undefined when the row names no
 * device or a format no adapter reads. Two rows with the same key make it ambiguous.
 */
export function vendorRefKey(
  row: Pick<VendorCameraRow, 'vendorFormat' | 'vendorChannel'> & { vendorDeviceId: string | null },
): string | undefined {
  const format = adapterFormatOf(row.vendorFormat);
  return format === undefined || row.vendorDeviceId === null
    ? undefined
    : refKey(format, row.vendorDeviceId, row.vendorChannel ?? undefined);
}

/**
 * Builds the (format, device, channel) → camera lookup from registry rows. A row without a
 * channel matches every channel of its device; one with a channel wins over it. Device ids and
 * channels are compared without regard to case (MAC addresses come in either). A reference two
 * cameras claim resolves to neither: the event keeps the vendor's id and the governor, which
 * does not know it, suppresses it — fail closed rather than guess.
 */
export function buildCameraLookup(rows: readonly VendorCameraRow[]): CameraLookup {
  const claims = new Map<string, VendorCameraRow[]>();
  const unread: string[] = [];
  for (const row of rows) {
    const key = vendorRefKey(row);
    if (key === undefined) {
      unread.push(row.cameraId);
      continue;
    }
    claims.set(key, [...(claims.get(key) ?? []), row]);
  }
  const cameras = new Map<string, ResolvedCamera>();
  const problems: CameraLookupProblem[] = [];
  for (const [key, claimants] of claims) {
    if (claimants.length > 1) {
      problems.push({
        reason: CameraLookupSkip.Ambiguous,
        cameraIds: claimants.map((c) => c.cameraId).sort(),
      });
      continue;
    }
    const [row] = claimants;
    cameras.set(key, { cameraId: row.cameraId, siteId: row.siteId, zone: row.zoneType });
  }
  if (unread.length > 0) {
    problems.unshift({ reason: CameraLookupSkip.UnreadFormat, cameraIds: unread.sort() });
  }
  return {
    resolve: (ref) =>
      (ref.channel === undefined
        ? undefined
        : cameras.get(refKey(ref.format, ref.deviceId, ref.channel))) ??
      cameras.get(refKey(ref.format, ref.deviceId, undefined)),
    size: cameras.size,
    problems,
  };
}

// NUL never occurs in a registered id (visible ASCII only), so two parts never run together.
function refKey(format: AdapterFormat, deviceId: string, channel: string | undefined): string {
  return `${format}\u0000${deviceId.trim().toLowerCase()}\u0000${channel?.trim().toLowerCase() ?? ''}`;
}
