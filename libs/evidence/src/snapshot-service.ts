import { redactSnapshot, type RedactSnapshotOptions, type SnapshotRegion } from '@lib/redaction';
import type { EvidenceRef, EvidenceStore } from './evidence-store';
import type { SnapshotQueue } from './snapshot-queue';

/** Key of the redacted copy of an event's snapshot in the store. */
export function redactedKey(eventId: string): string {
  return `${eventId}.redacted`;
}

/**
 * The snapshot path of an event: the inline image taken out at ingress is kept as raw evidence
 * under the event id (in clear until the retention-key issue encrypts it), and a redacted copy,
 * made on the SnapshotQueue, under `<eventId>.redacted`. Alerts carry the returned reference,
 * never the image.
 */
export class SnapshotService {
  constructor(
    private readonly store: EvidenceStore,
    private readonly queue: SnapshotQueue,
    private readonly options: RedactSnapshotOptions = {},
  ) {}

  /** Keeps the original image; no pixel work, so it is safe on the ingress path. */
  keepRaw(eventId: string, jpeg: Buffer): Promise<EvidenceRef> {
    return this.store.put(eventId, jpeg, 'image/jpeg');
  }

  /**
   * Queues the redaction of `jpeg` and stores the result. `full` when the queue's backlog is
   * full: the caller forwards the alert without an image (or retries later) instead of waiting.
   */
  tryRedact(
    eventId: string,
    jpeg: Buffer,
    regions: readonly SnapshotRegion[],
  ): Promise<EvidenceRef> | 'full' {
    const ticket = this.queue.trySubmit(async () => {
      const redacted = await redactSnapshot(jpeg, regions, this.options);
      return this.store.put(redactedKey(eventId), redacted, 'image/jpeg');
    });
    return ticket === 'full' ? 'full' : ticket.result;
  }

  /** As tryRedact, but waits for backlog space (for batch work such as a re-export). */
  async redact(
    eventId: string,
    jpeg: Buffer,
    regions: readonly SnapshotRegion[],
  ): Promise<EvidenceRef> {
    const ticket = await this.queue.submit(async () => {
      const redacted = await redactSnapshot(jpeg, regions, this.options);
      return this.store.put(redactedKey(eventId), redacted, 'image/jpeg');
    });
    return ticket.result;
  }
}
