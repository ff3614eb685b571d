import type { CameraRecord, DetectionEventV1 } from '@lib/contracts';
import { DETECTION_DATA_SCHEMA, DETECTION_EVENT_TYPE } from '@lib/contracts';
import { MalformedKind, MalformedPayloads } from '../../factories/malformed-payloads.factory';

/** What the e2e policy must do with each record of the scenario. */
export type Expectation =
  | { kind: 'forward'; purpose: 'delito-en-flagrancia' | 'vehiculo-requisitoriado' }
  | { kind: 'suppress'; reason: string }
  | { kind: 'dead-letter'; code: string };

export interface ScenarioRecord {
  key: string | null;
  value: Buffer;
  eventId: string | null;
  expect: Expectation;
}

export const E2E_MAX_EVENT_BYTES = 4_096;

export const E2E_CAMERAS: CameraRecord[] = [1, 2, 3, 4].map((n) => ({
  cameraId: `cam-e2e-${n}`,
  name: `Cámara e2e ${n}`,
  district: n % 2 === 0 ? 'Miraflores' : 'San Isidro',
  siteId: `site-${n}`,
  zoneType: 'via-publica',
  allowedPurposes: ['delito-en-flagrancia', 'vehiculo-requisitoriado'],
}));
E2E_CAMERAS.push({
  cameraId: 'cam-e2e-5',
  name: 'Cámara e2e 5 (sin finalidades)',
  district: 'San Isidro',
  siteId: 'site-5',
  zoneType: 'colegio-perimetro',
  allowedPurposes: [],
});

function event(args: {
  n: number;
  cameraId: string;
  analyticType: string;
  objectClass: string;
  extra?: Partial<DetectionEventV1['data']>;
}): DetectionEventV1 {
  const eventId = `e2e-${String(args.n).padStart(5, '0')}`;
  const occurredAt = new Date(Date.UTC(2026, 2, 14, 8, 0, 0) + args.n * 1000).toISOString();
  return {
    specversion: '1.0',
    id: eventId,
    source: `urn:site:site-x:camera:${args.cameraId}`,
    type: DETECTION_EVENT_TYPE,
    time: occurredAt,
    datacontenttype: 'application/json',
    dataschema: DETECTION_DATA_SCHEMA,
    data: {
      eventId,
      occurredAt,
      cameraId: args.cameraId,
      siteId: 'site-x',
      analyticType: args.analyticType,
      objectClass: args.objectClass,
      confidence: 0.9,
      boundingBox: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 },
      trackId: `trk-${args.n}`,
      ...args.extra,
    },
  };
}

const PERSON = {
  person: {
    age: 34,
    gender: 'female',
    clothing: {
      upper: { type: 'casaca', color: 'rojo' },
      lower: { type: 'pantalon', color: 'azul' },
    },
  },
};

/**
 * 1,000 records: 650 lawful (400 behaviour + 250 plate hits), 300 unlawful (face match with no
 * purpose, unknown camera, camera without purposes), 50 malformed of six kinds.
 */
export function buildScenario(): ScenarioRecord[] {
  const out: ScenarioRecord[] = [];
  let n = 0;
  const push = (e: DetectionEventV1, expect: Expectation) =>
    out.push({
      key: e.data.cameraId,
      value: Buffer.from(JSON.stringify(e)),
      eventId: e.id,
      expect,
    });
  const cam = (i: number) => E2E_CAMERAS[i % 4].cameraId;

  for (let i = 0; i < 400; i++) {
    const e = event({
      n: ++n,
      cameraId: cam(i),
      analyticType: i % 2 ? 'fight' : 'intrusion',
      objectClass: 'person',
      extra: { attributes: PERSON },
    });
    push(e, { kind: 'forward', purpose: 'delito-en-flagrancia' });
  }
  for (let i = 0; i < 250; i++) {
    const e = event({
      n: ++n,
      cameraId: cam(i),
      analyticType: 'plate-watchlist-hit',
      objectClass: 'vehicle',
      extra: {
        attributes: { vehicle: { type: 'car', color: 'blanco' } },
        identifiers: { plate: { value: `ABC-${String(i).padStart(3, '0')}`, country: 'PE' } },
      },
    });
    push(e, { kind: 'forward', purpose: 'vehiculo-requisitoriado' });
  }
  for (let i = 0; i < 100; i++) {
    const e = event({
      n: ++n,
      cameraId: cam(i),
      analyticType: 'face-match',
      objectClass: 'face',
      extra: { identifiers: { faceMatch: { subjectRef: `subj-${i}`, similarity: 0.93 } } },
    });
    push(e, { kind: 'suppress', reason: 'purpose.none' });
  }
  for (let i = 0; i < 100; i++) {
    const e = event({
      n: ++n,
      cameraId: `cam-desconocida-${i}`,
      analyticType: 'fight',
      objectClass: 'person',
      extra: { attributes: PERSON },
    });
    push(e, { kind: 'suppress', reason: 'camera.unknown' });
  }
  for (let i = 0; i < 100; i++) {
    const e = event({
      n: ++n,
      cameraId: 'cam-e2e-5',
      analyticType: 'fight',
      objectClass: 'person',
    });
    push(e, { kind: 'suppress', reason: 'purpose.camera_not_allowed' });
  }
  out.push(...malformed());
  return interleave(out);
}

/** 50 malformed records of six kinds, each with the first issue the governor must report. */
function malformed(): ScenarioRecord[] {
  const mix: Array<[MalformedKind, number]> = [
    [MalformedKind.BrokenJson, 10],
    [MalformedKind.WrongTypes, 10],
    [MalformedKind.MissingRequired, 10],
    [MalformedKind.Oversize, 5],
    [MalformedKind.ForbiddenKey, 5],
    [MalformedKind.InvalidUtf8, 10],
  ];
  return mix.flatMap(([kind, count]) =>
    Array.from({ length: count }, () => {
      const payload = MalformedPayloads.create({ kind, maxBytes: E2E_MAX_EVENT_BYTES });
      return {
        key: 'cam-e2e-1',
        value: payload.bytes,
        eventId: null,
        expect: { kind: 'dead-letter' as const, code: payload.expected.code },
      };
    }),
  );
}

/** Deterministic interleaving, so every batch mixes lawful, unlawful and malformed records. */
function interleave(records: ScenarioRecord[]): ScenarioRecord[] {
  return records
    .map((r, i) => ({ r, k: (i * 7919) % records.length }))
    .sort((a, b) => a.k - b.k)
    .map(({ r }) => r);
}
