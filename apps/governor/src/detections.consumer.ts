import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BatchPattern, type BatchResult, type InboundBatch } from '@lib/kafka';
import { GovernorService } from './governor.service';

/** Thin transport edge: one partition batch of raw detections in, the records to commit out. */
@Controller()
export class DetectionsConsumer {
  constructor(@Inject(GovernorService) private readonly governor: GovernorService) {}

  @BatchPattern('detections.raw.v1')
  handle(@Payload() batch: InboundBatch): BatchResult | Promise<BatchResult> {
    return this.governor.govern(batch);
  }
}
