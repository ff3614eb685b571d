export { BatchPattern } from './batch-pattern.decorator';
export { createKafka } from './kafka-client.factory';
export type { KafkaConnection } from './kafka-client.factory';
export { KafkaError, KafkaErrorCode } from './kafka.error';
export { outbound } from './kafka.types';
export type { BatchResult, InboundBatch, InboundRecord, OutboundRecord } from './kafka.types';
export { provisionTopics } from './topic-provisioner';
export { TransactionalBatchServer } from './transactional-batch.server';
export type { TransactionalBatchServerOptions, TransportStats } from './transactional-batch.server';
