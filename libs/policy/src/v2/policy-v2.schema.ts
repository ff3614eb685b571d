import { HUMAN_REVIEW_LEVELS, LEGAL_BASIS_KINDS, PRIORITIES, SLUG } from '../policy-document';
import { ISO_DURATION } from './iso-duration';
import { JURISDICTIONS, RETENTION_CLASS_NAME, WEEKDAYS } from './policy-document-v2';
import { HH_MM } from './time-windows';

/**
 * The JSON Schema keywords this schema uses (draft-07, which every editor plugin reads). It
 * helps an editor complete and check a policy; `validatePolicy` stays the authority, with the
 * rules a schema cannot say (known field paths, CEL, conflicts, time zones).
 */
export interface SchemaNode {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  const?: string;
  enum?: ReadonlyArray<string | number>;
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  minProperties?: number;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  oneOf?: readonly SchemaNode[];
  allOf?: readonly SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  definitions?: Readonly<Record<string, SchemaNode>>;
}

const text: SchemaNode = { type: 'string', minLength: 1 };
const texts = (description: string): SchemaNode => ({
  description,
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: text,
});
const closed = (
  properties: Record<string, SchemaNode>,
  required: readonly string[],
): SchemaNode => ({
  type: 'object',
  additionalProperties: false,
  ...(required.length === 0 ? {} : { required }),
  properties,
});
/** Editors show the description on hover, Spanish and English. */
const described = (description: string, node: SchemaNode): SchemaNode => ({ description, ...node });
const integer = (minimum: number, maximum: number): SchemaNode => ({
  type: 'integer',
  minimum,
  maximum,
});
/** One transform per field: `{ <name>: <parameters> }`. */
const transform = (args: { name: string; parameters: SchemaNode; description: string }) =>
  described(args.description, closed({ [args.name]: args.parameters }, [args.name]));
const dateTime: SchemaNode = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
};
// @lib/redaction's REDACT_REGIONS (a spec keeps them equal); not imported, so the export script
// runs without the monorepo's path aliases
export const SCHEMA_REDACT_REGIONS = ['face', 'plate', 'person'] as const;
const duration: SchemaNode = { type: 'string', pattern: ISO_DURATION.source };
const DIVISORS_OF_A_DAY = Array.from({ length: 1440 }, (_, i) => i + 1).filter(
  (n) => 1440 % n === 0,
);

const TRANSFORM: SchemaNode = {
  description:
    'Transformación del campo / field transform: keep, drop, mask, pseudonymize, generalize, bucket, redact',
  oneOf: [
    { enum: ['keep', 'drop'] },
    transform({
      name: 'mask',
      parameters: {
        type: 'object',
        additionalProperties: false,
        properties: {
          keepFirst: integer(0, 64),
          keepLast: integer(0, 64),
          char: { type: 'string', minLength: 1 },
        },
      },
      description: 'Enmascarar / mask, keeping the first or last N characters',
    }),
    transform({
      name: 'pseudonymize',
      parameters: closed({ rotate: { type: 'string', pattern: ISO_DURATION.source } }, ['rotate']),
      description:
        'Seudónimo con clave (HMAC-SHA-256) que rota cada periodo / keyed pseudonym rotating every period (at most P1D)',
    }),
    transform({
      name: 'generalize',
      parameters: {
        oneOf: [
          closed({ ageBand: integer(2, 100) }, ['ageBand']),
          closed({ minutes: { type: 'integer', enum: DIVISORS_OF_A_DAY } }, ['minutes']),
          closed({ meters: integer(10, 1_000_000) }, ['meters']),
          closed({ boxGrid: integer(1, 100) }, ['boxGrid']),
        ],
      },
      description: 'Generalizar / generalise: age band, time floor, geo grid, coarse box',
    }),
    transform({
      name: 'bucket',
      parameters: {
        oneOf: [
          closed({ size: { type: 'number', exclusiveMinimum: 0 } }, ['size']),
          closed(
            { edges: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'number' } } },
            ['edges'],
          ),
        ],
      },
      description: 'Agrupar números / bucket numbers',
    }),
    transform({
      name: 'redact',
      parameters: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: [...SCHEMA_REDACT_REGIONS] },
      },
      description:
        'Difuminar regiones de la imagen (solo snapshot) / blur snapshot regions (snapshot only)',
    }),
  ],
};

const WINDOW = described(
  'Franja horaria [from, to) / time window; from > to runs past midnight',
  closed(
    {
      days: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: [...WEEKDAYS] },
      },
      from: { type: 'string', pattern: HH_MM.source, description: 'HH:MM' },
      to: { type: 'string', pattern: HH_MM.source, description: 'HH:MM (24:00 = fin del día)' },
      timeZone: { ...text, description: 'IANA, p. ej. America/Lima' },
    },
    ['from', 'to'],
  ),
);

const PURPOSE = closed(
  {
    id: { type: 'string', pattern: SLUG.source },
    title: closed({ es: text, en: text }, ['es', 'en']),
    legalBasis: described(
      'Base legal y norma citada / legal basis and the norm it cites',
      closed({ kind: { enum: [...LEGAL_BASIS_KINDS] }, citation: text }, ['kind']),
    ),
    analytics: texts('Tipos de analítica (analyticType) / analytic types'),
    objectClasses: texts('Clases de objeto / object classes'),
    cameras: {
      ...closed({ ids: texts('ids'), zones: texts('zoneType'), tags: texts('tags') }, []),
      minProperties: 1,
    },
    windows: { type: 'array', minItems: 1, items: { $ref: '#/definitions/window' } },
    when: { ...text, description: 'Condición CEL sobre event y camera / CEL condition' },
    minConfidence: { type: 'number', minimum: 0, maximum: 1 },
    humanReview: { enum: [...HUMAN_REVIEW_LEVELS] },
    requiresAuthorization: { type: 'boolean' },
    priority: { enum: [...PRIORITIES] },
    recipients: texts('Centros que reciben las alertas / recipients'),
    retentionClass: { ...text, description: 'Clave de retention / a key of retention' },
    fields: {
      description: 'Campo → transformación; todo lo no listado se descarta / unlisted is dropped',
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$' },
      additionalProperties: { $ref: '#/definitions/transform' },
    },
  },
  ['id', 'title', 'legalBasis', 'analytics', 'humanReview', 'priority', 'recipients', 'fields'],
);

const AUTHORISATION = closed(
  {
    id: { type: 'string', pattern: '^[!-~]{1,128}$' },
    issuer: text,
    caseRef: text,
    purposes: texts('Finalidades que habilita / purposes it serves'),
    scope: {
      ...closed({ watchlists: texts('watchlists'), cameras: texts('camera ids') }, []),
      minProperties: 1,
    },
    validFrom: dateTime,
    validUntil: dateTime,
  },
  ['id', 'issuer', 'caseRef', 'purposes', 'scope', 'validFrom', 'validUntil'],
);

const METADATA: SchemaNode = {
  ...closed(
    {
      id: { type: 'string', pattern: SLUG.source },
      version: text,
      jurisdiction: { enum: [...JURISDICTIONS] },
      controller: text,
      dpia: closed({ id: text, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } }, [
        'id',
        'date',
      ]),
      dataBankRegistration: text,
      timeZone: text,
    },
    ['id', 'version', 'jurisdiction', 'controller', 'dpia'],
  ),
  allOf: [
    {
      if: { properties: { jurisdiction: { const: 'PE' } }, required: ['jurisdiction'] },
      then: { properties: { dataBankRegistration: text }, required: ['dataBankRegistration'] },
    },
  ],
};

/** The published schema of a `tamiz/v2` policy (libs/policy/schemas/policy-v2.schema.json). */
export const POLICY_V2_JSON_SCHEMA: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:tamiz:schema:policy:2.0',
  title: 'Tamiz policy, v2',
  ...closed(
    {
      apiVersion: { const: 'tamiz/v2' },
      kind: { const: 'Policy' },
      metadata: METADATA,
      retention: {
        description: 'Clases de conservación (duraciones ISO 8601) / retention classes',
        type: 'object',
        required: ['metadata', 'alerts'],
        properties: { metadata: duration, alerts: duration },
        propertyNames: { pattern: RETENTION_CLASS_NAME.source },
        additionalProperties: duration,
      },
      purposes: { type: 'array', minItems: 1, items: { $ref: '#/definitions/purpose' } },
      authorisations: {
        type: 'array',
        minItems: 1,
        items: { $ref: '#/definitions/authorisation' },
      },
    },
    ['apiVersion', 'kind', 'metadata', 'retention', 'purposes'],
  ),
  definitions: {
    purpose: PURPOSE,
    window: WINDOW,
    transform: TRANSFORM,
    authorisation: AUTHORISATION,
  },
};
