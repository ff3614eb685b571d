import { Inject, Injectable } from '@nestjs/common';
import { parseDetection } from '@lib/contracts';
import { serializeAlert, serializeDecision } from '@lib/policy';
import { CLOCK, type Clock } from '@lib/common';
import { outbound, type BatchResult, type InboundBatch, type OutboundRecord } from '@lib/kafka';
import { CameraRegistryService } from './camera-registry.service';
import { deadLetterOf } from './dead-letter.util';
import type { GovernorConfig } from './governor.config';
import { addTally, emptyTally, type GovernorTally } from './governor-stats';
import { PolicyHolderService } from './policy-holder.service';
import { pointAtRedactedSnapshot } from './redacted-snapshot.util';
import { GOVERNOR_CONFIG } from './tokens';

const EMPTY = Buffer.alloc(0);

/**
 * The governor's pipeline for one partition batch: parse and validate once, decide, and turn each
 * record into exactly one decision (plus its alerts) or exactly one dead letter. It performs no
 * IO: the transport commits the returned records and the input offsets together.
 */
@Injectable()
export class GovernorService {
  private readonly totals: GovernorTally = emptyTally();

  constructor(
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CameraRegistryService) private readonly cameras: CameraRegistryService,
    @Inject(PolicyHolderService) private readonly policies: PolicyHolderService,
  ) {}

  govern(batch: InboundBatch): BatchResult {
    const records: OutboundRecord[] = [];
    const tally = emptyTally();
    const policy = this.policies.current();
    for (const record of batch.records) {
      tally.consumed += 1;
      const source = `${record.topic}:${record.partition}:${record.offset}`;
      const parsed = parseDetection(record.value ?? EMPTY, { maxBytes: this.config.maxEventBytes });
      if (!parsed.ok) {
        tally.deadLettered += 1;
        const payload = deadLetterOf({
          record,
          issues: parsed.issues,
          receivedAt: this.clock.now(),
        });
        records.push(outbound({ topic: 'detections.dlq.v1', key: null, payload }));
        continue;
      }
      const data = parsed.event.data;
      const { decision, alerts } = policy.evaluate({
        event: data,
        camera: this.cameras.get(data.cameraId),
      });
      const headers = { 'tamiz-source': source };
      // canonical bytes: the same event under the same policy is the same record, anywhere
      for (const alert of alerts) {
        pointAtRedactedSnapshot(alert);
        records.push({
          topic: 'alerts.lawful.v1',
          key: data.cameraId,
          value: serializeAlert(alert),
          headers,
        });
      }
      records.push({
        topic: 'decisions.v1',
        key: data.cameraId,
        value: serializeDecision(decision),
        headers,
      });
      if (decision.verdict === 'forward') {
        tally.forwarded += 1;
        tally.alerts += alerts.length;
      } else {
        tally.suppressed += 1;
        const reason = decision.reasons[0]?.code ?? 'unknown';
        tally.suppressedByReason[reason] = (tally.suppressedByReason[reason] ?? 0) + 1;
      }
    }
    return { records, onCommit: () => addTally(this.totals, tally) };
  }

  stats(): Readonly<GovernorTally> {
    return this.totals;
  }
}
