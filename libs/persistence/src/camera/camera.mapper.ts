import type { CameraRecord } from '@lib/contracts';
import type { CameraEntity } from './camera.entity';

/** A registry row as the governor sees it: the contract's camera record. */
export function toCameraRecord(row: CameraEntity): CameraRecord {
  return {
    cameraId: row.cameraId,
    name: row.name,
    district: row.district,
    siteId: row.siteId,
    zoneType: row.zoneType,
    allowedPurposes: [...row.allowedPurposes],
    ...(row.tags ? { tags: [...row.tags] } : {}),
  };
}

/** The registry columns of a camera; the admin repository adds its own on top. */
export function toCameraRow(camera: CameraRecord): Partial<CameraEntity> {
  return {
    cameraId: camera.cameraId,
    name: camera.name,
    district: camera.district,
    siteId: camera.siteId,
    zoneType: camera.zoneType,
    allowedPurposes: [...camera.allowedPurposes],
    tags: camera.tags ? [...camera.tags] : null,
  };
}
