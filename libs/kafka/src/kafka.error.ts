import { AppError } from '@lib/common';

export enum KafkaErrorCode {
  ConnectFailed = 'kafka_connect_failed',
  ProvisionFailed = 'kafka_provision_failed',
  TransactionFailed = 'kafka_transaction_failed',
  HandlerFailed = 'kafka_handler_failed',
  NoHandler = 'kafka_no_handler',
  /** A followed topic was not read to its end in time at start. */
  CatchUpTimeout = 'kafka_catch_up_timeout',
  /** A librdkafka call that never answered; its client is replaced. */
  CallStuck = 'kafka_call_stuck',
}

export class KafkaError extends AppError<KafkaErrorCode> {}

/** A topic that was to be read to its end in time was not (retriable: the broker may be slow). */
export function catchUpTimeout(topic: string, ms: number): KafkaError {
  return new KafkaError({
    code: KafkaErrorCode.CatchUpTimeout,
    message: `topic ${topic} not read to its end within ${ms} ms`,
    retriable: true,
  });
}
