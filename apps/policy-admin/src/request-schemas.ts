import { TOKEN_SCOPES, USER_ROLES } from '@lib/persistence';
import type { JsonSchema } from './body-validator.util';

// JSON Schemas of every request body: Ajv validates them and the OpenAPI document shows them.
// `additionalProperties: false` everywhere, so an unknown field is a 400 that names it.

const id = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' };
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const list = (max: number) => ({
  type: 'array',
  items: text(128),
  maxItems: max,
  uniqueItems: true,
});
const time = { type: 'string', format: 'date-time' };
const rowVersion = { type: 'integer', minimum: 1 };

export const POLICY_DRAFT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'content'],
  properties: {
    format: { enum: ['yaml', 'json'] },
    content: { type: 'string', minLength: 1 },
    expectedVersion: rowVersion,
  },
};

export const POLICY_STEP_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { expectedVersion: rowVersion, reason: text(500) },
};

export const POLICY_ACTIVATE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { expectedVersion: rowVersion, at: time },
};

const cameraProperties = {
  cameraId: id,
  name: text(200),
  district: text(128),
  siteId: text(128),
  zoneType: text(64),
  allowedPurposes: list(64),
  tags: list(64),
  geo: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['lat', 'lon'],
    properties: {
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
    },
  },
  signageId: { type: ['string', 'null'], minLength: 1, maxLength: 128 },
  dataBankRegistrationId: { type: ['string', 'null'], minLength: 1, maxLength: 128 },
  vendorFormat: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
  // The vendor's id of the device (DeepStream sensor id, Frigate camera name, ONVIF MQTT topic
  // prefix, Hikvision MAC address) and the channel within it; visible ASCII, as vendors send them.
  vendorDeviceId: { type: ['string', 'null'], pattern: '^[!-~]{1,128}$' },
  vendorChannel: { type: ['string', 'null'], pattern: '^[!-~]{1,64}$' },
};
const { cameraId: _cameraId, ...editableCameraProperties } = cameraProperties;
const cameraRequired = ['cameraId', 'name', 'district', 'siteId', 'zoneType', 'allowedPurposes'];

export const CAMERA_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: cameraRequired,
  properties: cameraProperties,
};

export const CAMERA_UPDATE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: cameraRequired.filter((k) => k !== 'cameraId'),
  properties: { ...editableCameraProperties, expectedVersion: rowVersion },
};

export const AUTHORISATION_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['issuer', 'caseRef', 'purposes', 'scope', 'validFrom', 'validUntil'],
  properties: {
    issuer: text(200),
    caseRef: text(200),
    purposes: { ...list(32), minItems: 1 },
    scope: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        watchlists: { ...list(256), minItems: 1 },
        cameras: { ...list(256), minItems: 1 },
      },
    },
    validFrom: time,
    validUntil: time,
  },
};

export const AUTHORISATION_USE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { cameraId: id, reference: text(200) },
};

export const USER_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['displayName', 'role'],
  properties: { displayName: text(200), role: { enum: [...USER_ROLES] } },
};

export const TOKEN_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scopes: { type: 'array', items: { enum: [...TOKEN_SCOPES] }, minItems: 1, uniqueItems: true },
    expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 },
  },
};

export const EMPTY_SCHEMA: JsonSchema = { type: 'object', additionalProperties: false };

export const POLICY_SIMULATE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['hours'],
  // up to the raw topic's retention (72 h)
  properties: {
    hours: { type: 'integer', minimum: 1, maximum: 72 },
    sample: { type: 'integer', minimum: 0, maximum: 200 },
  },
};
