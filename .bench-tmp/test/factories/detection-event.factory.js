"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DetectionEventFactory = void 0;
exports.resetFactoryIds = resetFactoryIds;
const contracts_1 = require("../../libs/contracts/src/index.js");
const ENVELOPE_KEYS = new Set([
    'specversion',
    'id',
    'source',
    'type',
    'time',
    'subject',
    'datacontenttype',
    'dataschema',
    'dataclassification',
    'partitionkey',
    'traceparent',
]);
const BASE_TIME_MS = Date.parse('2026-03-14T08:00:00.000Z');
const DEFAULT_SITE = 'miraflores';
let sequence = 0;
/** Restarts ids and times at det-000001 / 08:00:01; call it in `beforeEach` for exact values. */
function resetFactoryIds() {
    sequence = 0;
}
function next() {
    sequence += 1;
    return {
        n: sequence,
        eventId: `det-${String(sequence).padStart(6, '0')}`,
        occurredAt: new Date(BASE_TIME_MS + sequence * 1000).toISOString(),
    };
}
function isPlain(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function deepMerge(base, patch) {
    const result = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        const current = result[key];
        if (value === undefined) {
            delete result[key];
        }
        else if (isPlain(value) && isPlain(current)) {
            result[key] = deepMerge(current, value);
        }
        else {
            result[key] = structuredClone(value);
        }
    }
    return result;
}
function build(args) {
    const { extensions = {}, ...fields } = args.overrides ?? {};
    const envelope = {};
    const dataPatch = {};
    for (const [key, value] of Object.entries(fields)) {
        (ENVELOPE_KEYS.has(key) ? envelope : dataPatch)[key] = value;
    }
    if (typeof envelope.id === 'string' && !('eventId' in dataPatch)) {
        dataPatch.eventId = envelope.id;
    }
    if (typeof envelope.time === 'string' && !('occurredAt' in dataPatch)) {
        dataPatch.occurredAt = envelope.time;
    }
    // DeepPartial<DetectionData> merged onto a full DetectionData is a DetectionData again
    const data = deepMerge({ ...args.makeData(next()) }, dataPatch);
    const required = {
        specversion: '1.0',
        id: data.eventId,
        source: `urn:site:${data.siteId ?? DEFAULT_SITE}:camera:${data.cameraId}`,
        type: contracts_1.DETECTION_EVENT_TYPE,
        time: data.occurredAt,
    };
    const defaults = args.bare
        ? required
        : {
            ...required,
            subject: `camera/${data.cameraId}`,
            datacontenttype: 'application/json',
            dataschema: contracts_1.DETECTION_DATA_SCHEMA,
            dataclassification: 'confidential',
            partitionkey: data.cameraId,
        };
    const event = { ...deepMerge({ ...defaults }, envelope), ...extensions, data };
    return event;
}
function baseData({ eventId, occurredAt, n }) {
    return {
        eventId,
        occurredAt,
        cameraId: 'cam-mira-0142',
        siteId: DEFAULT_SITE,
        zone: 'parque-kennedy-norte',
        geo: { lat: -12.1211, lon: -77.0297 },
        analyticType: 'intrusion',
        objectClass: 'person',
        confidence: 0.91,
        boundingBox: { x: 0.412, y: 0.233, w: 0.081, h: 0.294 },
        trackId: `trk-${String(n).padStart(6, '0')}`,
        vendor: { kind: 'deepstream', eventType: 'entry', model: 'peoplenet-v2.3' },
    };
}
const PERSON_ATTRIBUTES = {
    ageBand: '30-45',
    gender: 'female',
    clothing: {
        upper: { type: 'jacket', color: 'red' },
        lower: { type: 'trousers', color: 'dark-blue' },
        hat: false,
    },
    carrying: ['backpack'],
};
function evidenceRef(eventId) {
    return `s3://tamiz-evidence/2026/03/14/${eventId}.jpg`;
}
exports.DetectionEventFactory = {
    /** An intrusion by a person at a park camera, with every optional envelope attribute. */
    create(overrides) {
        return build({ makeData: baseData, overrides });
    },
    /** Only what the schema requires: no siteId, geo, box, attributes or optional attributes. */
    minimal(overrides) {
        return build({
            makeData: ({ eventId, occurredAt }) => ({
                eventId,
                occurredAt,
                cameraId: 'cam-mira-0007',
                analyticType: 'motion',
                objectClass: 'unknown',
                confidence: 0.5,
            }),
            overrides,
            bare: true,
        });
    },
    /** A plate read: vehicle attributes, the plate, and a snapshot reference with its plate box. */
    lpr(overrides) {
        return build({
            makeData: (ids) => ({
                ...baseData(ids),
                cameraId: 'cam-surq-0310',
                zone: 'av-benavides-carril-2',
                geo: { lat: -12.1284, lon: -77.0015 },
                analyticType: 'lpr',
                objectClass: 'vehicle',
                confidence: 0.94,
                boundingBox: { x: 0.27, y: 0.36, w: 0.21, h: 0.18 },
                attributes: { vehicle: { type: 'car', make: 'toyota', model: 'yaris', color: 'white' } },
                identifiers: {
                    plate: { value: 'TST-451', country: 'PE', confidence: 0.96 },
                    faceMatch: null,
                },
                snapshot: {
                    ref: evidenceRef(ids.eventId),
                    boxes: [{ x: 0.33, y: 0.49, w: 0.05, h: 0.03, kind: 'plate' }],
                },
                vendor: { kind: 'hikvision-isapi', eventType: 'ANPR' },
            }),
            overrides,
        });
    },
    /** A person with full appearance attributes (clothing, carried items). */
    person(overrides) {
        return build({
            makeData: (ids) => ({
                ...baseData(ids),
                analyticType: 'person-attributes',
                attributes: { person: structuredClone(PERSON_ATTRIBUTES) },
                snapshot: { ref: evidenceRef(ids.eventId) },
            }),
            overrides,
        });
    },
    /** A face matched against a watchlist entry; only lawful under a judicial authorisation. */
    faceMatch(overrides) {
        return build({
            makeData: (ids) => ({
                ...baseData(ids),
                cameraId: 'cam-mira-0188',
                zone: 'ovalo-gutierrez',
                analyticType: 'face-match',
                objectClass: 'face',
                confidence: 0.88,
                boundingBox: { x: 0.52, y: 0.18, w: 0.04, h: 0.07 },
                attributes: { face: { glasses: true, mask: false } },
                identifiers: {
                    plate: null,
                    faceMatch: { subjectRef: 'wl-000042', watchlist: 'requisitoria', similarity: 0.87 },
                },
                snapshot: {
                    ref: evidenceRef(ids.eventId),
                    boxes: [{ x: 0.52, y: 0.18, w: 0.04, h: 0.07, kind: 'face' }],
                },
                vendor: { kind: 'onvif', eventType: 'RuleEngine/Recognition/Face' },
            }),
            overrides,
        });
    },
    /** A behaviour analytic (fight, intrusion, …) involving people. */
    behaviour(type, overrides) {
        return build({
            makeData: (ids) => ({
                ...baseData(ids),
                analyticType: type,
                objectClass: type === 'abandoned-object' ? 'bag' : 'person',
                confidence: 0.86,
                snapshot: { ref: evidenceRef(ids.eventId) },
            }),
            overrides,
        });
    },
    /** A person event padded with a vendor attribute group to exactly `targetBytes` of JSON. */
    sized(targetBytes, overrides) {
        const event = exports.DetectionEventFactory.person(overrides);
        const vendorGroup = { firmware: 'V5.7.12 build 240912', filler: '' };
        event.data.attributes = { ...event.data.attributes, acmevision: vendorGroup };
        const shortfall = targetBytes - Buffer.byteLength(JSON.stringify(event));
        if (shortfall < 0) {
            throw new Error(`a person event is already ${targetBytes - shortfall} bytes`);
        }
        vendorGroup.filler = 'x'.repeat(shortfall);
        return event;
    },
    /** The record value a producer would send. */
    toBytes(event) {
        return Buffer.from(JSON.stringify(event), 'utf8');
    },
};
