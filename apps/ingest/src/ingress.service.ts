import { outbound, type OutboundRecord } from '@lib/kafka';
import type { Clock, JsonLogger } from '@lib/common';
import {
  ValidationIssueCode,
  type DeadLetterRecordV1,
  type DetectionEventV1,
  type KafkaDeadLetterSource,
  type ValidationIssue,
} from '@lib/contracts';
import type {
  EvidenceSink,
  IngressInput,
  IngressNormaliser,
  IngressOutcome,
  IngressSource,
} from './ingress.types';

/** Folds repeated updates: true when the event is the first of its key within the window. */
export type Deduplicate = (event: DetectionEventV1) => boolean;

export interface IngressTally {
  received: number;
  published: number;
  duplicates: number;
  deadLettered: number;
  images: number;
}

/**
 * What every transport of the ingress does with a payload: read it as its camera format, take
 * inline images out to the evidence store, fold repeated updates, and publish canonical events to
 * the raw topic (key = camera id) — or dead-letter the exact bytes with every reason. Nothing is
 * dropped silently: each payload ends as events, duplicates of earlier events, or a dead letter.
 */
export class IngressService {
  private readonly tally: IngressTally = {
    received: 0,
    published: 0,
    duplicates: 0,
    deadLettered: 0,
    images: 0,
  };

  constructor(
    private readonly deps: {
      normaliser: IngressNormaliser;
      publish: (records: OutboundRecord[]) => Promise<void>;
      evidence: EvidenceSink;
      deduplicate: Deduplicate;
      clock: Clock;
      logger: JsonLogger;
      maxPayloadBytes: number;
    },
  ) {}

  /** Reads a payload into the records to publish; the caller decides how to publish them. */
  async prepare(
    input: IngressInput,
    source: IngressSource | KafkaDeadLetterSource,
  ): Promise<{ records: OutboundRecord[]; outcome: IngressOutcome }> {
    this.tally.received += 1;
    const size = input.payload.length + (input.parts ?? []).reduce((n, p) => n + p.bytes.length, 0);
    const result =
      size > this.deps.maxPayloadBytes
        ? {
            ok: false as const,
            issues: [
              {
                path: '',
                code: ValidationIssueCode.TooLarge,
                message: `payload is ${size} bytes, over the limit of ${this.deps.maxPayloadBytes}`,
              },
            ],
          }
        : input.format === null
          ? {
              ok: false as const,
              issues: [
                {
                  path: '',
                  code: ValidationIssueCode.Unsupported,
                  message: `no camera format is read from ${input.channel}`,
                },
              ],
            }
          : this.deps.normaliser.normalise(input);
    if (!result.ok) {
      return {
        records: [this.deadLetter(input, source, result.issues)],
        outcome: { published: 0, duplicates: 0, issues: result.issues },
      };
    }
    const records: OutboundRecord[] = [];
    let duplicates = 0;
    for (const item of result.items) {
      const event = item.event;
      if (!this.deps.deduplicate(event)) {
        duplicates += 1;
        continue;
      }
      const image = item.image ?? inlineImage(event);
      if (image) {
        const ref = await this.deps.evidence.put(event.id, image.bytes, image.contentType);
        const { image: _inline, ...snapshot } = event.data.snapshot ?? {};
        event.data.snapshot = { ...snapshot, ref };
        this.tally.images += 1;
      }
      records.push({
        topic: 'detections.raw.v1',
        key: event.data.cameraId,
        value: JSON.stringify(event),
      });
    }
    return { records, outcome: { published: records.length, duplicates, issues: null } };
  }

  /** Prepares and publishes; resolves once the records are acknowledged. */
  async accept(
    input: IngressInput,
    source: IngressSource | KafkaDeadLetterSource,
  ): Promise<IngressOutcome> {
    const { records, outcome } = await this.prepare(input, source);
    await this.deps.publish(records);
    this.count(outcome, input.format);
    return outcome;
  }

  count(outcome: IngressOutcome, format: string | null): void {
    this.tally.published += outcome.published;
    this.tally.duplicates += outcome.duplicates;
    if (outcome.issues) {
      this.tally.deadLettered += 1;
      this.deps.logger.event('info', 'payload dead-lettered', {
        format: format ?? 'unknown',
        issues: outcome.issues.length,
        firstCode: outcome.issues[0]?.code,
      });
    }
  }

  stats(): Readonly<IngressTally> {
    return { ...this.tally };
  }

  private deadLetter(
    input: IngressInput,
    source: IngressSource | KafkaDeadLetterSource,
    issues: ValidationIssue[],
  ): OutboundRecord<'detections.dlq.v1'> {
    const payload: DeadLetterRecordV1 = {
      schema: 'tamiz.dead-letter.v1',
      source:
        'transport' in source
          ? { ...source, format: input.format ?? 'unknown', contentType: input.contentType }
          : source,
      originalBase64: input.payload.toString('base64'),
      originalSize: input.payload.length,
      errors: issues,
      receivedAt: this.deps.clock.now().toISOString(),
    };
    return outbound({ topic: 'detections.dlq.v1', key: null, payload });
  }
}

function inlineImage(event: DetectionEventV1): { bytes: Buffer; contentType: string } | null {
  const image = event.data.snapshot?.image;
  return image
    ? { bytes: Buffer.from(image.dataBase64, 'base64'), contentType: image.contentType }
    : null;
}
