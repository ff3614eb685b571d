import type { DeadLetterRecordV1, ValidationIssue } from '@lib/contracts';
import type { InboundRecord } from '@lib/kafka';

/** The dead letter of a raw record: its exact bytes, where it came from, and every issue found. */
export function deadLetterOf(args: {
  record: InboundRecord;
  issues: ValidationIssue[];
  receivedAt: Date;
}): DeadLetterRecordV1 {
  const { record } = args;
  const value = record.value ?? Buffer.alloc(0);
  return {
    schema: 'tamiz.dead-letter.v1',
    source: {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key: record.key === null ? null : record.key.toString('base64'),
      timestamp: record.timestamp,
    },
    originalBase64: value.toString('base64'),
    originalSize: value.length,
    errors: args.issues,
    receivedAt: args.receivedAt.toISOString(),
  };
}
