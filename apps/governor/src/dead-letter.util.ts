import type { DeadLetterRecordV1, ValidationIssue } from '@lib/contracts';
import { kafkaSourceOf, type InboundRecord } from '@lib/kafka';

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
    source: kafkaSourceOf(record),
    originalBase64: value.toString('base64'),
    originalSize: value.length,
    errors: args.issues,
    receivedAt: args.receivedAt.toISOString(),
  };
}
