import type { CameraFields } from '@lib/persistence';
import type { AdminIssue } from '../admin.error';
import { schemaIssues } from '../body-validator.util';
import { CAMERA_SCHEMA } from '../request-schemas';
import { cameraVendorIssues } from './camera-vendor.util';
import { parseCsv } from './parse-csv.util';

/** CSV columns; lists (`allowedPurposes`, `tags`) are separated by `;`, geo is two columns. */
export const CAMERA_CSV_COLUMNS = [
  'cameraId',
  'name',
  'district',
  'siteId',
  'zoneType',
  'allowedPurposes',
  'tags',
  'geoLat',
  'geoLon',
  'signageId',
  'dataBankRegistrationId',
  'vendorFormat',
  'vendorDeviceId',
  'vendorChannel',
] as const;

export interface CameraImport {
  cameras: CameraFields[];
  /** Every problem, each with its 1-based data row (the CSV header is row 0). */
  issues: AdminIssue[];
}

/** Validates every row of a JSON array of cameras; nothing is written by this function. */
export function checkCameraRows(rows: unknown[]): CameraImport {
  const issues: AdminIssue[] = [];
  const cameras: CameraFields[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const rowNumber = index + 1;
    const problems = schemaIssues(CAMERA_SCHEMA, row);
    if (problems.length === 0) {
      problems.push(...cameraVendorIssues(row as Partial<CameraFields>));
    }
    issues.push(...problems.map((p) => ({ ...p, row: rowNumber, path: p.path || '/' })));
    if (problems.length > 0) {
      return;
    }
    const camera = normalise(row as Partial<CameraFields> & Pick<CameraFields, 'cameraId'>);
    const first = seen.get(camera.cameraId);
    if (first !== undefined) {
      issues.push({
        row: rowNumber,
        path: '/cameraId',
        code: 'duplicate_id',
        es: `cameraId repetido (ya en la fila ${first}).`,
        en: `Duplicate cameraId (already in row ${first}).`,
      });
      return;
    }
    seen.set(camera.cameraId, rowNumber);
    cameras.push(camera);
  });
  return { cameras, issues };
}

/** Turns CSV text into camera objects (row by row), then checks them like JSON rows. */
export function checkCameraCsv(text: string): CameraImport {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    return {
      cameras: [],
      issues: [
        {
          row: 0,
          path: '/',
          es: `CSV mal formado: ${(error as Error).message}`,
          en: `Malformed CSV: ${(error as Error).message}`,
        },
      ],
    };
  }
  const [header = [], ...data] = table;
  const unknown = header.filter((h) => !(CAMERA_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('cameraId')) {
    return {
      cameras: [],
      issues: [
        ...unknown.map((h) => ({
          row: 0,
          path: `/${h}`,
          code: 'unknown_field',
          es: `Columna desconocida: ${h}.`,
          en: `Unknown column: ${h}.`,
        })),
        ...(header.includes('cameraId')
          ? []
          : [
              {
                row: 0,
                path: '/cameraId',
                code: 'required',
                es: 'Falta la columna cameraId.',
                en: 'Missing column cameraId.',
              },
            ]),
      ],
    };
  }
  const objects = data.map((cells) => {
    const get = (column: string) => {
      const i = header.indexOf(column);
      return i < 0 || cells[i] === undefined || cells[i] === '' ? undefined : cells[i];
    };
    const list = (column: string) =>
      get(column)
        ?.split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    const lat = get('geoLat');
    const lon = get('geoLon');
    const object: Record<string, unknown> = {
      cameraId: get('cameraId'),
      name: get('name'),
      district: get('district'),
      siteId: get('siteId'),
      zoneType: get('zoneType'),
      allowedPurposes:
        list('allowedPurposes') ?? (header.includes('allowedPurposes') ? [] : undefined),
      tags: list('tags'),
      geo:
        lat === undefined && lon === undefined
          ? undefined
          : { lat: toNumber(lat), lon: toNumber(lon) },
      signageId: get('signageId'),
      dataBankRegistrationId: get('dataBankRegistrationId'),
      vendorFormat: get('vendorFormat'),
      vendorDeviceId: get('vendorDeviceId'),
      vendorChannel: get('vendorChannel'),
    };
    return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
  });
  return checkCameraRows(objects);
}

function toNumber(raw: string | undefined): unknown {
  // Left as text when not a number, so the schema reports the field as the wrong type.
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

export function normalise(
  camera: Partial<CameraFields> & Pick<CameraFields, 'cameraId'>,
): CameraFields {
  return {
    cameraId: camera.cameraId,
    name: camera.name ?? '',
    district: camera.district ?? '',
    siteId: camera.siteId ?? '',
    zoneType: camera.zoneType ?? '',
    allowedPurposes: camera.allowedPurposes ?? [],
    ...(camera.tags ? { tags: camera.tags } : {}),
    geo: camera.geo ?? null,
    signageId: camera.signageId ?? null,
    dataBankRegistrationId: camera.dataBankRegistrationId ?? null,
    vendorFormat: camera.vendorFormat ?? null,
    vendorDeviceId: camera.vendorDeviceId ?? null,
    vendorChannel: camera.vendorChannel ?? null,
  };
}
