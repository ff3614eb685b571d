import type { AlertV1 } from '@lib/contracts';

/** Where the redacted image of an alert is kept: one per alert, named after it. */
export function redactedSnapshotRef(alertId: string): string {
  return `tamiz-redacted:${alertId}.jpg`;
}

/**
 * An alert whose purpose keeps the snapshot under `redact` must point at the redacted image only:
 * the original's reference is replaced by the redacted one, which the snapshot redactor produces
 * from the evidence (keyed by event id) with the alert's regions and boxes. Boxes stay: they are
 * the instruction, not the picture.
 */
export function pointAtRedactedSnapshot(alert: AlertV1): void {
  const snapshot = alert.data.snapshot;
  if (alert.redaction === undefined || snapshot === undefined) {
    return;
  }
  // keys in canonical (sorted) order: the alert serialiser writes them as they come
  alert.data.snapshot = {
    ...(snapshot.boxes ? { boxes: snapshot.boxes } : {}),
    ref: redactedSnapshotRef(alert.alertId),
  };
}
