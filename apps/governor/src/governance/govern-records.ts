import { parseDetection, type CameraRecord } from '@lib/contracts';
import type { InboundRecord, OutboundRecord } from '@lib/kafka';
import { outbound } from '@lib/kafka';
import { serializeAlert, serializeDecision, type PolicyEvaluator } from '@lib/policy';
import { deadLetterOf } from '../dead-letter.util';
import { emptyTally, type GovernorTally } from '../governor-stats';
import { pointAtRedactedSnapshot } from '../redacted-snapshot.util';

const EMPTY = Buffer.alloc(0);

/** Everything a batch is decided with; one policy for the whole batch. */
export interface GovernContext {
  policy: PolicyEvaluator;
  camera: (cameraId: string) => CameraRecord | null;
  maxEventBytes: number;
  receivedAt: Date;
}

export interface GovernedRecords {
  records: OutboundRecord[];
  tally: GovernorTally;
}

/**
 * The governor's pipeline for consecutive records of one partition: parse and validate once,
 * decide, and turn each record into exactly one decision (plus its alerts) or exactly one dead
 * letter. Pure and synchronous, so that it runs the same inline and in a governance worker.
 */
export function governRecords(
  ctx: GovernContext,
  input: readonly InboundRecord[],
): GovernedRecords {
  const records: OutboundRecord[] = [];
  const tally = emptyTally();
  for (const record of input) {
    tally.consumed += 1;
    const parsed = parseDetection(record.value ?? EMPTY, { maxBytes: ctx.maxEventBytes });
    if (!parsed.ok) {
      tally.deadLettered += 1;
      const payload = deadLetterOf({ record, issues: parsed.issues, receivedAt: ctx.receivedAt });
      records.push(outbound({ topic: 'detections.dlq.v1', key: null, payload }));
      continue;
    }
    const data = parsed.event.data;
    const { decision, alerts } = ctx.policy.evaluate({
      event: data,
      camera: ctx.camera(data.cameraId),
    });
    const headers = { 'tamiz-source': `${record.topic}:${record.partition}:${record.offset}` };
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
  return { records, tally };
}
