import type { CameraRecord } from '@lib/contracts';

let sequence = 0;

/** Deterministic camera records; ids count up per test file, so every call gives a new camera. */
export const CameraFactory = {
  create(overrides: Partial<CameraRecord> = {}): CameraRecord {
    sequence += 1;
    const n = String(sequence).padStart(4, '0');
    return {
      cameraId: `cam-${n}`,
      name: `Cámara ${n}`,
      district: 'centro',
      siteId: `site-${n}`,
      zoneType: 'via-publica',
      allowedPurposes: ['movilidad'],
      ...overrides,
    };
  },
};
