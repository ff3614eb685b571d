/** Injection tokens of the ingest composition root. */
export const INGEST_CONFIG = Symbol('IngestConfig');
export const INGRESS = Symbol('IngressService');
export const LOGGER = Symbol('JsonLogger');
export const CAMERAS = Symbol('CameraResolverService');
