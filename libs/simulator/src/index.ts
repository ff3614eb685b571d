export { EventMix } from './event-mix';
export type { SimulatedKind, SimulatedRecord } from './event-mix';
export { seededRng } from './prng';
export type { Rng } from './prng';
