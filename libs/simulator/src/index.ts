export { EventMix } from './event-mix';
export type { SimulatedKind, SimulatedRecord } from './event-mix';
export { seededRng } from './prng';
export type { Rng } from './prng';
export { vendorSpeakers } from './vendor-device';
export type { SimulatedCamera, VendorDevice, VendorSpeaker } from './vendor-device';
export { VENDOR_FORMATS, VendorMix } from './vendor-mix';
export type { VendorFormat, VendorMessage, VendorTransport } from './vendor-mix';
export { syntheticSnapshot } from './synthetic-snapshot';
export type {
  SyntheticRegion,
  SyntheticRegionKind,
  SyntheticSnapshot,
  SyntheticSnapshotOptions,
} from './synthetic-snapshot';
