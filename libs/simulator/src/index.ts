export { EventMix } from './event-mix';
export type { SimulatedKind, SimulatedRecord } from './event-mix';
export { seededRng } from './prng';
export type { Rng } from './prng';
export { syntheticSnapshot } from './synthetic-snapshot';
export type {
  SyntheticRegion,
  SyntheticRegionKind,
  SyntheticSnapshot,
  SyntheticSnapshotOptions,
} from './synthetic-snapshot';
