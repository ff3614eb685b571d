"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DETECTION_DATA_SCHEMA = exports.DETECTION_EVENT_TYPE = void 0;
/**
 * The canonical detection event, version 1: a CloudEvents 1.0 structured-mode envelope whose
 * `data` is the vendor-neutral detection. Adapters map camera formats onto it
 * (shared/domain/formats.md §5–6); the governor accepts nothing else on the raw topic.
 */
exports.DETECTION_EVENT_TYPE = 'pe.tamiz.detection.v1';
exports.DETECTION_DATA_SCHEMA = 'urn:tamiz:schema:detection:1.0';
