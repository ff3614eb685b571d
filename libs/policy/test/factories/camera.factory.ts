import type { CameraRecord } from '@lib/contracts';

export const CameraFactory = {
  create(overrides: Partial<CameraRecord> = {}): CameraRecord {
    return {
      cameraId: 'cam-si-001',
      name: 'Av. Javier Prado Oeste / Av. Camino Real',
      district: 'San Isidro',
      siteId: 'si-javier-prado',
      zoneType: 'via-publica',
      allowedPurposes: ['delito-en-flagrancia', 'vehiculo-requisitoriado', 'emergencias'],
      ...overrides,
    };
  },
};
