import { Injectable } from '@nestjs/common';
import { CameraAdminRepository, type CameraDetail, type CameraFields } from '@lib/persistence';
import { AdminError, AdminErrorCode } from '../admin.error';
import type { Actor } from '../auth/roles.decorator';
import { AuditService } from '../audit/audit.service';
import type { CameraImport } from './camera-import.util';
import { takenVendorRefIssues } from './camera-vendor.util';

/** The camera registry: create, update, retire, bulk import (all or nothing). */
@Injectable()
export class CamerasService {
  constructor(
    private readonly cameras: CameraAdminRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<CameraDetail[]> {
    return this.cameras.list();
  }

  async get(cameraId: string): Promise<CameraDetail> {
    const camera = await this.cameras.findById(cameraId);
    if (!camera) {
      throw AdminError.notFound('la cámara/camera', cameraId);
    }
    return camera;
  }

  async create(actor: Actor, camera: CameraFields): Promise<CameraDetail> {
    await this.refuseTakenVendorRefs([camera]);
    const { existing, created } = await this.cameras.createMany([camera]);
    if (existing.length > 0) {
      throw alreadyExists(existing);
    }
    await this.record(actor, 'camera.create', camera.cameraId, {});
    return created[0];
  }

  /**
   * All or nothing: any invalid row, repeated id or already registered camera rejects the whole
   * file with the full per-row report, so a half-imported registry never exists.
   */
  async import(actor: Actor, checked: CameraImport): Promise<{ created: number }> {
    const issues = [
      ...checked.issues,
      ...takenVendorRefIssues({ cameras: checked.cameras, registry: await this.cameras.list() }),
    ];
    if (issues.length > 0) {
      throw importInvalid({ ...checked, issues });
    }
    const { existing } = await this.cameras.createMany(checked.cameras);
    if (existing.length > 0) {
      throw importInvalid({
        cameras: [],
        issues: existing.map((id) => ({
          row: checked.cameras.findIndex((c) => c.cameraId === id) + 1,
          path: '/cameraId',
          code: 'already_exists',
          es: `La cámara ${id} ya está registrada.`,
          en: `Camera ${id} is already registered.`,
        })),
      });
    }
    await this.audit.record({
      actorId: actor.userId,
      action: 'camera.import',
      target: { type: 'camera', id: '*' },
      details: {
        created: checked.cameras.length,
        cameraIds: checked.cameras.map((c) => c.cameraId),
      },
    });
    return { created: checked.cameras.length };
  }

  async update(args: {
    actor: Actor;
    cameraId: string;
    expectedRowVersion: number;
    fields?: Omit<CameraFields, 'cameraId'>;
    retired?: boolean;
  }): Promise<CameraDetail> {
    const current = await this.get(args.cameraId);
    if (current.rowVersion !== args.expectedRowVersion) {
      throw AdminError.stale(current.rowVersion);
    }
    if (args.fields) {
      await this.refuseTakenVendorRefs([{ ...args.fields, cameraId: args.cameraId }]);
    }
    const updated = await this.cameras.update({
      cameraId: args.cameraId,
      rowVersion: args.expectedRowVersion,
      fields: args.fields,
      retired: args.retired,
    });
    if (!updated) {
      throw AdminError.stale((await this.get(args.cameraId)).rowVersion);
    }
    await this.record(
      args.actor,
      args.retired === true ? 'camera.retire' : 'camera.update',
      args.cameraId,
      { rowVersion: updated.rowVersion },
    );
    return updated;
  }

  // 409: the ingress resolves a vendor device that two active cameras claim to neither
  private async refuseTakenVendorRefs(cameras: CameraFields[]): Promise<void> {
    const [taken] = takenVendorRefIssues({ cameras, registry: await this.cameras.list() });
    if (taken) {
      throw new AdminError({
        code: AdminErrorCode.AlreadyExists,
        es: taken.es,
        en: taken.en,
        issues: [{ path: taken.path, code: taken.code, es: taken.es, en: taken.en }],
      });
    }
  }

  private async record(
    actor: Actor,
    action: string,
    cameraId: string,
    details: Record<string, number>,
  ): Promise<void> {
    await this.audit.record({
      actorId: actor.userId,
      action,
      target: { type: 'camera', id: cameraId },
      details,
    });
  }
}

function alreadyExists(ids: string[]): AdminError {
  return new AdminError({
    code: AdminErrorCode.AlreadyExists,
    es: `Ya registrada: ${ids.join(', ')}.`,
    en: `Already registered: ${ids.join(', ')}.`,
  });
}

function importInvalid(checked: CameraImport): AdminError {
  const rows = new Set(checked.issues.map((i) => i.row)).size;
  return new AdminError({
    code: AdminErrorCode.ImportInvalid,
    es: `Importación rechazada, nada se registró: ${rows} fila(s) con problemas.`,
    en: `Import rejected, nothing was registered: ${rows} row(s) with problems.`,
    issues: checked.issues,
  });
}
