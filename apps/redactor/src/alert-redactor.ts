import type { Consumer, Kafka } from 'kafkajs';
import { topicName, type AlertV1, type TopicNaming } from '@lib/contracts';
import type { JsonLogger } from '@lib/common';
import type { EvidenceStore, SnapshotService } from '@lib/evidence';
import type { SnapshotRegion } from '@lib/redaction';

export interface RedactorTally {
  alerts: number;
  redacted: number;
  /** Alerts whose original image is not in the evidence store (e.g. a camera-side reference). */
  missing: number;
  failed: number;
}

/** The regions to hide: the alert's boxes of the kinds its purpose names. */
export function regionsOf(alert: AlertV1): SnapshotRegion[] {
  const kinds = new Set<string>(alert.redaction?.regions ?? []);
  return (alert.data.snapshot?.boxes ?? [])
    .filter((b) => b.kind !== undefined && kinds.has(b.kind))
    .map((b) => ({
      kind: b.kind as SnapshotRegion['kind'],
      box: { x: b.x, y: b.y, w: b.w, h: b.h },
    }));
}

/**
 * Produces the redacted image each alert points at (`tamiz-redacted:<alertId>.jpg`, stored as
 * `<alertId>.redacted`): reads committed alerts, takes the original from the evidence store by
 * event id, and redacts the regions of the kinds the purpose names. Image work runs on the
 * snapshot queue; when its backlog is full this consumer waits, which stops its fetching —
 * backpressure that never touches the governor's event path. Offsets are committed after the
 * images are stored (at least once; a repeat overwrites the same key).
 */
export class AlertRedactor {
  private consumer: Consumer | null = null;
  readonly tally: RedactorTally = { alerts: 0, redacted: 0, missing: 0, failed: 0 };

  constructor(
    private readonly args: {
      kafka: Kafka;
      naming: TopicNaming;
      groupId: string;
      store: EvidenceStore;
      snapshots: SnapshotService;
      logger: JsonLogger;
    },
  ) {}

  async start(): Promise<void> {
    const consumer = this.args.kafka.consumer({ groupId: this.args.groupId, maxWaitTimeInMs: 200 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: [topicName('alerts.lawful.v1', this.args.naming)],
      fromBeginning: true,
    });
    await consumer.run({
      eachBatch: async (payload) => {
        const { batch } = payload;
        const work: Array<Promise<void>> = [];
        for (const message of batch.messages) {
          if (message.value) {
            work.push(this.redact(JSON.parse(message.value.toString()) as AlertV1));
          }
          await payload.heartbeat();
        }
        await Promise.all(work);
        for (const message of batch.messages) {
          payload.resolveOffset(message.offset);
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async redact(alert: AlertV1): Promise<void> {
    this.tally.alerts += 1;
    if (alert.redaction === undefined || alert.data.snapshot === undefined) {
      return;
    }
    try {
      const original = await this.args.store.get(alert.eventId);
      if (original === null) {
        this.tally.missing += 1;
        return;
      }
      // waits for backlog space: this is the backpressure
      await this.args.snapshots.redact(alert.alertId, original.bytes, regionsOf(alert));
      this.tally.redacted += 1;
    } catch (error) {
      this.tally.failed += 1;
      this.args.logger.event('warn', 'snapshot not redacted', {
        code: (error as { code?: string }).code ?? 'unknown',
      });
    }
  }
}
