// Barrel: import this lib only as @lib/adapters.
export { ADAPTER_FORMATS, AdapterFormat } from './adapter.types';
export type {
  AdapterImage,
  AdapterInput,
  AdapterItem,
  AdapterOptions,
  AdapterPart,
  AdapterResult,
  CameraRef,
  FrameSize,
  ResolvedCamera,
} from './adapter.types';
export {
  adapterFormatOf,
  buildCameraLookup,
  CameraLookupSkip,
  vendorRefKey,
} from './camera-lookup';
export type { CameraLookup, CameraLookupProblem, VendorCameraRow } from './camera-lookup';
export { deterministicId } from './canonical.util';
export { Deduplicator } from './deduplicator';
export type { DedupVerdict, DeduplicatorOptions } from './deduplicator';
export { normalise } from './normalise';
