"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CANONICAL_FIELD_PATHS = void 0;
exports.isKnownFieldPath = isKnownFieldPath;
const forbidden_keys_1 = require("./forbidden-keys");
const schemas_1 = require("./schemas");
function isOpenObject(schema) {
    const types = [schema.type].flat();
    return types.includes('object') && schema.additionalProperties !== false;
}
// Walked once at load from the schema itself, so the list cannot drift from what is validated.
function indexPaths(schema, prefix, index) {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        index.known.push(path);
        if (isOpenObject(child)) {
            const pattern = child.propertyNames?.pattern;
            index.open.set(path, pattern === undefined ? null : new RegExp(pattern, 'u'));
        }
        indexPaths(child, path, index);
    }
    return index;
}
const INDEX = indexPaths(schemas_1.DETECTION_DATA_JSON_SCHEMA, '', { known: [], open: new Map() });
const KNOWN = new Set(INDEX.known);
/**
 * Dotted paths into `data` that a policy may name, in schema order: `occurredAt`, `geo`,
 * `geo.lat`, `attributes.person.clothing`, `identifiers.plate`, `snapshot`, …
 */
exports.CANONICAL_FIELD_PATHS = Object.freeze([...INDEX.known]);
/**
 * True for a canonical path, and for any path below an open object (the attribute groups),
 * where vendors add keys: `attributes.person.someVendorKey`, `attributes.acme.zoneScore`.
 * False for anything the schema rules out, such as `geo.alt` or `confidence.value`.
 */
function isKnownFieldPath(path) {
    if (KNOWN.has(path)) {
        return true;
    }
    const segments = path.split('.');
    if (segments.some((segment) => segment === '' || (0, forbidden_keys_1.isForbiddenKey)(segment))) {
        return false;
    }
    for (let length = segments.length - 1; length > 0; length -= 1) {
        const prefix = segments.slice(0, length).join('.');
        if (KNOWN.has(prefix)) {
            const keyRule = INDEX.open.get(prefix);
            return keyRule !== undefined && (keyRule === null || keyRule.test(segments[length]));
        }
    }
    return false;
}
