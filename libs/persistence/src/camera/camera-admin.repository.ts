import type { DataSource, Repository } from 'typeorm';
import type { CameraDetail, CameraFields } from '../admin.types';
import { guardQuery } from '../query-guard.util';
import { CameraEntity } from './camera.entity';
import { toCameraRecord, toCameraRow } from './camera.mapper';

/** The camera registry as the admin API edits it: every field, retirement, row versions. */
export class CameraAdminRepository {
  private readonly cameras: Repository<CameraEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.cameras = dataSource.getRepository(CameraEntity);
  }

  /** Every camera, retired ones included, in code-unit order of id. */
  list(): Promise<CameraDetail[]> {
    return guardQuery('CameraAdminRepository.list', async () =>
      (await this.cameras.find())
        .map(toDetail)
        .sort((a, b) => (a.cameraId < b.cameraId ? -1 : a.cameraId > b.cameraId ? 1 : 0)),
    );
  }

  findById(cameraId: string): Promise<CameraDetail | null> {
    return guardQuery('CameraAdminRepository.findById', async () => {
      const row = await this.cameras.findOneBy({ cameraId });
      return row ? toDetail(row) : null;
    });
  }

  /** Inserts new cameras, all or nothing; returns the ids that already existed (nothing written then). */
  createMany(cameras: CameraFields[]): Promise<{ existing: string[]; created: CameraDetail[] }> {
    return guardQuery('CameraAdminRepository.createMany', () =>
      this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(CameraEntity);
        const existing: string[] = [];
        for (const camera of cameras) {
          if (await repo.existsBy({ cameraId: camera.cameraId })) {
            existing.push(camera.cameraId);
          }
        }
        if (existing.length > 0) {
          return { existing, created: [] };
        }
        const rows = cameras.map((c) => ({ ...toRow(c), retired: false, rowVersion: 1 }));
        for (const row of rows) {
          await repo.insert(row);
        }
        const created = await Promise.all(
          rows.map(async (r) => toDetail(await repo.findOneByOrFail({ cameraId: r.cameraId }))),
        );
        return { existing, created };
      }),
    );
  }

  /**
   * Overwrites the editable fields (and `retired` when given) if the row is still at
   * `rowVersion`; null when it moved on or does not exist.
   */
  update(args: {
    cameraId: string;
    rowVersion: number;
    fields?: Omit<CameraFields, 'cameraId'>;
    retired?: boolean;
  }): Promise<CameraDetail | null> {
    return guardQuery('CameraAdminRepository.update', async () => {
      const result = await this.cameras.update(
        { cameraId: args.cameraId, rowVersion: args.rowVersion },
        {
          ...(args.fields ? toRow({ ...args.fields, cameraId: args.cameraId }) : {}),
          ...(args.retired === undefined ? {} : { retired: args.retired }),
          rowVersion: args.rowVersion + 1,
        },
      );
      if ((result.affected ?? 0) === 0) {
        return null;
      }
      return toDetail(await this.cameras.findOneByOrFail({ cameraId: args.cameraId }));
    });
  }
}

function toRow(camera: CameraFields): Partial<CameraEntity> {
  return {
    ...toCameraRow(camera),
    geoLat: camera.geo?.lat ?? null,
    geoLon: camera.geo?.lon ?? null,
    signageId: camera.signageId,
    dataBankRegistrationId: camera.dataBankRegistrationId,
    vendorFormat: camera.vendorFormat,
    vendorDeviceId: camera.vendorDeviceId,
    vendorChannel: camera.vendorChannel,
  };
}

function toDetail(row: CameraEntity): CameraDetail {
  return {
    ...toCameraRecord(row),
    geo: row.geoLat !== null && row.geoLon !== null ? { lat: row.geoLat, lon: row.geoLon } : null,
    signageId: row.signageId,
    dataBankRegistrationId: row.dataBankRegistrationId,
    vendorFormat: row.vendorFormat,
    vendorDeviceId: row.vendorDeviceId,
    vendorChannel: row.vendorChannel,
    retired: Boolean(row.retired),
    rowVersion: Number(row.rowVersion),
  };
}
