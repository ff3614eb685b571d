import type { CameraRecord } from '@lib/contracts';
import { compilePolicy, type PolicyDocumentV2, type PolicyEvaluator } from '@lib/policy';
import { hkdfKeyring, type PseudonymKeyring } from '@lib/redaction';

/**
 * A Peruvian municipal policy v2 with nine purposes, for specs and the benchmark until the
 * template in policies/ is in place. Plain data: tests clone it and change one thing at a time.
 */
export function pePolicyDoc(): PolicyDocumentV2 {
  const common = { cameraId: 'keep', siteId: 'keep', zone: 'keep', analyticType: 'keep' } as const;
  return {
    apiVersion: 'tamiz/v2',
    kind: 'Policy',
    metadata: {
      id: 'pe-fixture',
      version: '2026.1',
      jurisdiction: 'PE',
      controller: 'Municipalidad Distrital de San Isidro (prueba)',
      dpia: { id: 'EIPD-2026-004', date: '2026-03-01' },
      dataBankRegistration: 'RNPDP-PJP-0001',
      timeZone: 'America/Lima',
    },
    retention: {
      rawEvidence: 'P45D',
      metadata: 'PT72H',
      alerts: 'P30D',
      audit: 'P180D',
      aggregates: 'P1Y',
    },
    purposes: [
      {
        id: 'delito-en-flagrancia',
        title: { es: 'Delito en flagrancia', en: 'Crime in progress' },
        legalBasis: { kind: 'law', citation: 'DL 1218 art. 1; DS 007-2020-IN' },
        analytics: ['fight', 'intrusion', 'weapon', 'abandoned-object'],
        cameras: { zones: ['via-publica', 'parque', 'mercado'] },
        minConfidence: 0.6,
        humanReview: 'required',
        priority: 'high',
        recipients: ['central-serenazgo'],
        fields: {
          ...common,
          occurredAt: { generalize: { minutes: 1 } },
          objectClass: 'keep',
          confidence: { bucket: { size: 0.05 } },
          boundingBox: 'keep',
          'attributes.person.clothing': 'keep',
          'attributes.person.carrying': 'keep',
          trackId: { pseudonymize: { rotate: 'P1D' } },
          snapshot: { redact: ['face', 'plate'] },
        },
      },
      {
        id: 'vehiculo-requisitoriado',
        title: { es: 'Vehículo con requisitoria', en: 'Wanted vehicle' },
        legalBasis: { kind: 'law', citation: 'DL 1218 art. 1; DS 007-2020-IN' },
        analytics: ['plate-watchlist-hit'],
        objectClasses: ['vehicle'],
        cameras: { zones: ['via-publica', 'mercado'] },
        minConfidence: 0.8,
        humanReview: 'required',
        priority: 'high',
        recipients: ['central-serenazgo'],
        fields: {
          ...common,
          occurredAt: 'keep',
          objectClass: 'keep',
          confidence: 'keep',
          'identifiers.plate': 'keep',
          'attributes.vehicle': 'keep',
          snapshot: { redact: ['face'] },
        },
      },
      {
        id: 'busqueda-por-atributos',
        title: { es: 'Búsqueda por atributos de vestimenta', en: 'Search by clothing attributes' },
        legalBasis: { kind: 'public_function', citation: 'Ley 27933 art. 3; Ley 29733 art. 14' },
        analytics: ['loitering', 'person-attributes'],
        objectClasses: ['person'],
        humanReview: 'required',
        priority: 'medium',
        recipients: ['central-serenazgo'],
        fields: {
          ...common,
          occurredAt: { generalize: { minutes: 5 } },
          'attributes.person.clothing': 'keep',
          'attributes.person.carrying': 'keep',
          trackId: { pseudonymize: { rotate: 'PT12H' } },
        },
      },
      {
        id: 'identificacion-facial-autorizada',
        title: { es: 'Identificación facial autorizada', en: 'Authorised face identification' },
        legalBasis: {
          kind: 'judicial-authorization',
          citation: 'Reglamento (UE) 2024/1689 art. 5(1)(h) y 5(3); DS 115-2025-PCM art. 23',
        },
        analytics: ['face-match'],
        objectClasses: ['face'],
        requiresAuthorization: true,
        humanReview: 'two-person',
        priority: 'critical',
        recipients: ['central-serenazgo'],
        fields: {
          ...common,
          occurredAt: 'keep',
          'identifiers.faceMatch': 'keep',
          snapshot: { redact: ['plate', 'person'] },
        },
      },
      {
        id: 'aforo-afluencia',
        title: { es: 'Aforo y afluencia', en: 'Crowd occupancy' },
        legalBasis: { kind: 'public_function', citation: 'Ley 29733 art. 14; art. 2.12' },
        analytics: ['crowd-density'],
        humanReview: 'none',
        priority: 'low',
        recipients: ['central-serenazgo'],
        retentionClass: 'aggregates',
        fields: {
          ...common,
          occurredAt: { generalize: { minutes: 15 } },
          'attributes.crowd.count': 'keep',
          'attributes.crowd.level': 'keep',
        },
      },
      {
        id: 'emergencias',
        title: { es: 'Emergencia en espacio público', en: 'Emergency in a public space' },
        legalBasis: { kind: 'public_function', citation: 'Ley 29733 art. 14; DL 1218 art. 1' },
        analytics: ['fall', 'smoke-fire'],
        minConfidence: 0.5,
        humanReview: 'required',
        priority: 'critical',
        recipients: ['central-serenazgo', 'bomberos'],
        fields: {
          ...common,
          occurredAt: 'keep',
          objectClass: 'keep',
          confidence: 'keep',
          boundingBox: { generalize: { boxGrid: 10 } },
          geo: { generalize: { meters: 100 } },
        },
      },
      {
        id: 'entorno-escolar',
        title: { es: 'Entorno escolar en horario de entrada y salida', en: 'School surroundings' },
        legalBasis: { kind: 'public_function', citation: 'Ley 27933 art. 3; Ley 29733 art. 7' },
        analytics: ['intrusion', 'fight', 'loitering'],
        cameras: { zones: ['colegio-perimetro'] },
        windows: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '06:30', to: '08:30' },
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:30', to: '14:30' },
        ],
        humanReview: 'required',
        priority: 'high',
        recipients: ['central-serenazgo', 'gerencia-educacion'],
        fields: {
          ...common,
          occurredAt: { generalize: { minutes: 5 } },
          objectClass: 'keep',
          boundingBox: { generalize: { boxGrid: 4 } },
        },
      },
      {
        id: 'infracciones-transito',
        title: { es: 'Infracciones de tránsito', en: 'Traffic offences' },
        legalBasis: { kind: 'law', citation: 'DS 016-2009-MTC art. 327' },
        analytics: ['wrong-way', 'red-light'],
        objectClasses: ['vehicle'],
        cameras: { tags: ['semaforo'] },
        when: 'event.confidence >= 0.7',
        humanReview: 'required',
        priority: 'medium',
        recipients: ['gerencia-transito'],
        fields: {
          ...common,
          occurredAt: 'keep',
          'identifiers.plate.value': { mask: { keepLast: 3 } },
          'attributes.vehicle.type': 'keep',
          'attributes.vehicle.color': 'keep',
        },
      },
      {
        id: 'estadistica-incidentes',
        title: { es: 'Estadística de incidentes', en: 'Incident statistics' },
        legalBasis: { kind: 'public_function', citation: 'Ley 29733 art. 14; art. 2.12' },
        analytics: ['fight', 'intrusion', 'weapon'],
        humanReview: 'none',
        priority: 'low',
        recipients: ['observatorio-seguridad'],
        retentionClass: 'aggregates',
        fields: {
          occurredAt: { generalize: { minutes: 60 } },
          siteId: 'keep',
          zone: 'keep',
          analyticType: 'keep',
        },
      },
    ],
    authorisations: [
      {
        id: 'AUT-2026-001',
        issuer: '2.º Juzgado de Investigación Preparatoria de Lima',
        caseRef: 'Exp. 01234-2026-1-1801-JR-PE-02',
        purposes: ['identificacion-facial-autorizada'],
        scope: { watchlists: ['requisitoria'], cameras: ['cam-mf-002', 'cam-si-001'] },
        validFrom: '2026-03-01T00:00:00-05:00',
        validUntil: '2026-03-31T23:59:59-05:00',
      },
    ],
  };
}

/** A fixed test secret: pseudonyms in specs are stable, and never those of a deployment. */
export const TEST_KEYRING: PseudonymKeyring = hkdfKeyring(Buffer.alloc(32, 7));

export function pePolicy(doc: unknown = pePolicyDoc()): PolicyEvaluator {
  return compilePolicy(doc, { keyring: TEST_KEYRING });
}

const CAMERAS: CameraRecord[] = [
  camera({
    cameraId: 'cam-si-001',
    zoneType: 'via-publica',
    tags: ['centro', 'semaforo'],
    allowedPurposes: [
      'delito-en-flagrancia',
      'vehiculo-requisitoriado',
      'identificacion-facial-autorizada',
      'infracciones-transito',
      'emergencias',
      'estadistica-incidentes',
    ],
  }),
  camera({
    cameraId: 'cam-si-002',
    zoneType: 'parque',
    tags: ['turistico'],
    allowedPurposes: [
      'delito-en-flagrancia',
      'busqueda-por-atributos',
      'aforo-afluencia',
      'emergencias',
      'estadistica-incidentes',
    ],
  }),
  camera({
    cameraId: 'cam-si-003',
    zoneType: 'colegio-perimetro',
    tags: ['colegio'],
    allowedPurposes: ['entorno-escolar', 'emergencias', 'estadistica-incidentes'],
  }),
  camera({
    cameraId: 'cam-mf-002',
    zoneType: 'via-publica',
    tags: ['centro'],
    allowedPurposes: [
      'delito-en-flagrancia',
      'vehiculo-requisitoriado',
      'busqueda-por-atributos',
      'identificacion-facial-autorizada',
      'emergencias',
      'estadistica-incidentes',
    ],
  }),
  camera({
    cameraId: 'cam-mf-003',
    zoneType: 'mercado',
    tags: [],
    allowedPurposes: ['delito-en-flagrancia', 'aforo-afluencia'],
  }),
];

function camera(args: {
  cameraId: string;
  zoneType: string;
  tags: string[];
  allowedPurposes: string[];
}): CameraRecord {
  const { cameraId, zoneType, tags, allowedPurposes } = args;
  return {
    cameraId,
    name: `Cámara ${cameraId}`,
    district: cameraId.startsWith('cam-si') ? 'San Isidro' : 'Miraflores',
    siteId: `site-${cameraId}`,
    zoneType,
    allowedPurposes,
    tags,
  };
}

export function peCameras(): CameraRecord[] {
  return structuredClone(CAMERAS);
}

export function peCamera(cameraId: string): CameraRecord {
  const found = peCameras().find((c) => c.cameraId === cameraId);
  if (found === undefined) {
    throw new Error(`no fixture camera ${cameraId}`);
  }
  return found;
}
