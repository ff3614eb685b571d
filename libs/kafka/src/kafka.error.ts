import { AppError } from '@lib/common';

export enum KafkaErrorCode {
  ConnectFailed = 'kafka_connect_failed',
  ProvisionFailed = 'kafka_provision_failed',
  TransactionFailed = 'kafka_transaction_failed',
  HandlerFailed = 'kafka_handler_failed',
  NoHandler = 'kafka_no_handler',
}

export class KafkaError extends AppError<KafkaErrorCode> {}
