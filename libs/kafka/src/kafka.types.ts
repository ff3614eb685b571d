import type { PayloadOf, Topic } from '@lib/contracts';

/** A consumed record as handlers see it: raw bytes and the position it came from. */
export interface InboundRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  headers: Record<string, string>;
}

/** Everything a batch handler receives: the records of one partition, in offset order. */
export interface InboundBatch {
  topic: string;
  partition: number;
  records: InboundRecord[];
}

/** A record to publish, addressed by logical topic; the transport resolves physical names. */
export interface OutboundRecord<T extends Topic = Topic> {
  topic: T;
  key: string | null;
  value: Buffer | string;
  headers?: Record<string, string>;
}

/**
 * What a batch handler returns. Every output of one batch is committed together with the
 * consumer offset of its last record, or none is.
 */
export interface BatchResult {
  records: OutboundRecord[];
  /** Called once the transaction holding these records has committed (e.g. to count them). */
  onCommit?: () => void;
}

/** Typed construction of an output record: the payload type follows the topic. */
export function outbound<T extends Topic>(args: {
  topic: T;
  key: string | null;
  payload: PayloadOf<T>;
  headers?: Record<string, string>;
}): OutboundRecord<T> {
  return {
    topic: args.topic,
    key: args.key,
    value: JSON.stringify(args.payload),
    ...(args.headers ? { headers: args.headers } : {}),
  };
}
