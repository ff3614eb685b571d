import {
  buildCameraLookup,
  type CameraLookup,
  type CameraRef,
  type ResolvedCamera,
} from '@lib/adapters';
import { PeriodicSnapshot, type JsonLogger } from '@lib/common';
import type { CameraVendorRef } from '@lib/persistence';

const MAX_LOGGED_IDS = 20;

/** Counts only: references the registry names, and events resolved through it or not. */
export interface CameraResolverStats {
  vendorCameras: number;
  resolved: number;
  unresolved: number;
}

/**
 * Vendor device references to registry cameras, from the registry held in memory and re-read
 * every `refreshMs` (a failed read keeps the last good one). An unmatched reference keeps the
 * adapter's fallback id, which the governor then suppresses as an unknown camera.
 */
export class CameraResolverService {
  private readonly lookup: PeriodicSnapshot<CameraLookup>;
  private readonly counts = { resolved: 0, unresolved: 0 };
  private lastProblems = '';

  constructor(
    private readonly deps: {
      /** The registry's active cameras that name a vendor device. */
      load: () => Promise<CameraVendorRef[]>;
      refreshMs: number;
      logger: JsonLogger;
    },
  ) {
    this.lookup = new PeriodicSnapshot({
      name: 'camera registry',
      initial: buildCameraLookup([]),
      load: async () => this.reported(buildCameraLookup(await deps.load())),
      intervalMs: deps.refreshMs,
      logger: deps.logger,
      describe: (lookup) => ({ vendorCameras: lookup.size }),
    });
  }

  start(): Promise<void> {
    return this.lookup.start();
  }

  stop(): void {
    this.lookup.stop();
  }

  /** Re-reads the registry now; false when the read failed (the last good one stays). */
  refresh(): Promise<boolean> {
    return this.lookup.refresh();
  }

  /** For `AdapterOptions.resolveCamera`; bound, so it can be handed over as it is. */
  readonly resolve = (ref: CameraRef): ResolvedCamera | undefined => {
    const camera = this.lookup.current.resolve(ref);
    this.counts[camera === undefined ? 'unresolved' : 'resolved'] += 1;
    return camera;
  };

  stats(): CameraResolverStats {
    return { vendorCameras: this.lookup.current.size, ...this.counts };
  }

  // Registry rows the lookup leaves out are logged when they change, not on every refresh.
  private reported(lookup: CameraLookup): CameraLookup {
    const problems = JSON.stringify(lookup.problems);
    if (problems !== this.lastProblems) {
      this.lastProblems = problems;
      for (const problem of lookup.problems) {
        this.deps.logger.event('warn', 'registry cameras not used to resolve vendor references', {
          reason: problem.reason,
          cameras: problem.cameraIds.length,
          cameraIds: problem.cameraIds.slice(0, MAX_LOGGED_IDS).join(','),
        });
      }
    }
    return lookup;
  }
}
