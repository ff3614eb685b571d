import {
  DETECTION_DATA_SCHEMA,
  DETECTION_EVENT_TYPE,
  type BoundingBox,
  type ClothingItem,
  type DetectionAttributes,
  type DetectionData,
  type DetectionEventV1,
  type DetectionIdentifiers,
  type GeoPoint,
  type PersonAttributes,
  type SnapshotInfo,
  type VehicleAttributes,
  type VendorInfo,
} from '../detection-event';
import {
  BASE64,
  closedObject,
  DATE_TIME,
  ID,
  label,
  LABEL,
  PATTERNS,
  SCHEMA_DIALECT,
  TOKEN,
  UNIT,
} from './fragments';
import type { JsonSchema, PropertiesOf } from './json-schema';

const GEO_PROPERTIES = {
  lat: { type: 'number', minimum: -90, maximum: 90 },
  lon: { type: 'number', minimum: -180, maximum: 180 },
} satisfies PropertiesOf<GeoPoint>;

const BOX_PROPERTIES = {
  x: UNIT,
  y: UNIT,
  w: UNIT,
  h: UNIT,
  space: { const: 'norm-tl' },
} satisfies PropertiesOf<BoundingBox>;

const BOX_REQUIRED = ['x', 'y', 'w', 'h'];

type SnapshotBox = NonNullable<SnapshotInfo['boxes']>[number];

const SNAPSHOT_BOX_PROPERTIES = {
  ...BOX_PROPERTIES,
  kind: { enum: ['face', 'plate', 'person', 'vehicle', 'object'] },
} satisfies PropertiesOf<SnapshotBox>;

// Attribute groups stay open below their known keys: vendors add keys, and policies decide by
// path what survives (deny by default), so an unknown key is dropped rather than rejected.
const CLOTHING_ITEM: JsonSchema = {
  type: 'object',
  properties: { type: LABEL, color: LABEL } satisfies PropertiesOf<ClothingItem>,
};

const PERSON_PROPERTIES = {
  age: { type: 'integer', minimum: 0, maximum: 150 },
  ageBand: LABEL,
  gender: LABEL,
  clothing: {
    type: 'object',
    properties: { upper: CLOTHING_ITEM, lower: CLOTHING_ITEM, hat: { type: 'boolean' } },
  },
  carrying: { type: 'array', maxItems: 32, items: LABEL },
} satisfies PropertiesOf<PersonAttributes>;

const VEHICLE_PROPERTIES = {
  type: LABEL,
  make: LABEL,
  model: LABEL,
  color: LABEL,
} satisfies PropertiesOf<VehicleAttributes>;

const ATTRIBUTES_PROPERTIES = {
  person: { type: 'object', properties: PERSON_PROPERTIES },
  vehicle: { type: 'object', properties: VEHICLE_PROPERTIES },
  face: { type: 'object' },
} satisfies PropertiesOf<DetectionAttributes>;

type Plate = NonNullable<DetectionIdentifiers['plate']>;
type FaceMatch = NonNullable<DetectionIdentifiers['faceMatch']>;

const PLATE_PROPERTIES = {
  value: label(32),
  country: label(16),
  confidence: UNIT,
} satisfies PropertiesOf<Plate>;

const FACE_MATCH_PROPERTIES = {
  subjectRef: ID,
  watchlist: label(128),
  similarity: UNIT,
} satisfies PropertiesOf<FaceMatch>;

const IDENTIFIERS_PROPERTIES = {
  plate: { ...closedObject(PLATE_PROPERTIES, ['value']), type: ['object', 'null'] },
  faceMatch: { ...closedObject(FACE_MATCH_PROPERTIES, ['subjectRef']), type: ['object', 'null'] },
} satisfies PropertiesOf<DetectionIdentifiers>;

type SnapshotImage = NonNullable<SnapshotInfo['image']>;

const SNAPSHOT_PROPERTIES = {
  ref: { type: 'string', maxLength: 2048, format: 'uri-reference' },
  image: closedObject(
    {
      contentType: { enum: ['image/jpeg', 'image/png'] },
      dataBase64: BASE64,
    } satisfies PropertiesOf<SnapshotImage>,
    ['contentType', 'dataBase64'],
  ),
  boxes: {
    type: 'array',
    maxItems: 64,
    items: closedObject(SNAPSHOT_BOX_PROPERTIES, BOX_REQUIRED),
  },
} satisfies PropertiesOf<SnapshotInfo>;

const VENDOR_PROPERTIES = {
  kind: TOKEN,
  eventType: label(128),
  model: label(128),
} satisfies PropertiesOf<VendorInfo>;

const DATA_PROPERTIES = {
  eventId: ID,
  occurredAt: DATE_TIME,
  cameraId: ID,
  siteId: ID,
  zone: label(128),
  geo: closedObject(GEO_PROPERTIES, ['lat', 'lon']),
  analyticType: TOKEN,
  objectClass: TOKEN,
  confidence: UNIT,
  boundingBox: closedObject(BOX_PROPERTIES, BOX_REQUIRED),
  attributes: {
    type: 'object',
    propertyNames: { pattern: PATTERNS.attributeGroup },
    properties: ATTRIBUTES_PROPERTIES,
    additionalProperties: { type: 'object' },
  },
  identifiers: closedObject(IDENTIFIERS_PROPERTIES),
  snapshot: closedObject(SNAPSHOT_PROPERTIES),
  trackId: ID,
  vendor: closedObject(VENDOR_PROPERTIES, ['kind']),
} satisfies PropertiesOf<DetectionData>;

/** The keys every detection carries; the alert schema reuses the properties without them. */
export const DETECTION_DATA_REQUIRED = [
  'eventId',
  'occurredAt',
  'cameraId',
  'analyticType',
  'objectClass',
  'confidence',
] as const satisfies readonly (keyof DetectionData)[];

/** The `data` member of the canonical detection event: closed at the top level. */
export const DETECTION_DATA_JSON_SCHEMA: JsonSchema = closedObject(
  DATA_PROPERTIES,
  DETECTION_DATA_REQUIRED,
);

const ENVELOPE_PROPERTIES = {
  specversion: { const: '1.0' },
  id: ID,
  source: { type: 'string', minLength: 1, maxLength: 512, format: 'uri-reference' },
  type: { const: DETECTION_EVENT_TYPE },
  time: DATE_TIME,
  subject: LABEL,
  datacontenttype: { const: 'application/json' },
  dataschema: { type: 'string', maxLength: 512, format: 'uri' },
  dataclassification: { enum: ['public', 'internal', 'confidential', 'restricted'] },
  partitionkey: ID,
  traceparent: { type: 'string', pattern: PATTERNS.traceparent },
  data: DETECTION_DATA_JSON_SCHEMA,
} satisfies PropertiesOf<DetectionEventV1>;

/**
 * CloudEvents 1.0 structured-mode envelope around the detection. Other extension attributes
 * (`dataregulation`, `sequence`, …) pass if their names follow the CloudEvents naming rule and
 * their values are scalars, as the spec requires.
 */
export const DETECTION_EVENT_JSON_SCHEMA: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  $id: DETECTION_DATA_SCHEMA,
  title: 'Tamiz canonical detection event, v1',
  description:
    'A CloudEvents 1.0 structured-mode event. Beyond this schema, Tamiz requires id to equal ' +
    'data.eventId and time to equal data.occurredAt, and rejects the keys __proto__, ' +
    'constructor and prototype at any depth.',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'time', 'data'],
  properties: ENVELOPE_PROPERTIES,
  propertyNames: { pattern: PATTERNS.extensionName },
  additionalProperties: { type: ['string', 'number', 'boolean'], maxLength: 2048 },
};
