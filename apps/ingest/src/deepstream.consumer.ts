import { Controller, Inject } from '@nestjs/common';
import { AdapterFormat } from '@lib/adapters';
import { Payload } from '@nestjs/microservices';
import {
  BatchPattern,
  kafkaSourceOf,
  type BatchResult,
  type InboundBatch,
  type OutboundRecord,
} from '@lib/kafka';
import type { IngressOutcome } from './ingress.types';
import { IngressService } from './ingress.service';
import { INGRESS } from './tokens';

const EMPTY = Buffer.alloc(0);

/**
 * DeepStream's nvmsgbroker publishes to Kafka, so its payloads come in through the same
 * exactly-once transport as the governor's: the canonical events (or dead letters) of a batch
 * and the offsets of its DeepStream records commit in one transaction.
 */
@Controller()
export class DeepstreamConsumer {
  constructor(@Inject(INGRESS) private readonly ingress: IngressService) {}

  @BatchPattern('detections.deepstream.v1')
  async handle(@Payload() batch: InboundBatch): Promise<BatchResult> {
    const records: OutboundRecord[] = [];
    const outcomes: IngressOutcome[] = [];
    for (const record of batch.records) {
      const prepared = await this.ingress.prepare(
        {
          format: AdapterFormat.DeepStream,
          channel: record.topic,
          payload: record.value ?? EMPTY,
          contentType: null,
        },
        kafkaSourceOf(record),
      );
      records.push(...prepared.records);
      outcomes.push(prepared.outcome);
    }
    return {
      records,
      onCommit: () => outcomes.forEach((o) => this.ingress.count(o, AdapterFormat.DeepStream)),
    };
  }
}
