import type { CameraRecord, RegisteredAuthorisationV1 } from '@lib/contracts';
import type { GovernorTally } from '../governor-stats';
import type { PackedInbound, PackedOutbound } from './record-wire';

/** What a governance worker is started with. */
export interface GovernanceWorkerData {
  maxEventBytes: number;
  pseudonymSecret: Uint8Array | undefined;
}

/** Main thread → worker, handled in the order sent. */
export type ToWorker =
  | { kind: 'policy'; document: unknown }
  | { kind: 'authorisations'; authorisations: readonly RegisteredAuthorisationV1[] | null }
  | { kind: 'cameras'; cameras: CameraRecord[] }
  | { kind: 'govern'; id: number; batch: PackedInbound; receivedAt: number };

/** Worker → main thread. */
export type FromWorker =
  | { kind: 'governed'; id: number; outputs: PackedOutbound; tally: GovernorTally }
  | { kind: 'failed'; id: number; error: string };
