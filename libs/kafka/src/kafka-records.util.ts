import type { EachBatchPayload, Message } from 'kafkajs';
import { topicName, type KafkaDeadLetterSource, type TopicNaming } from '@lib/contracts';
import type { InboundRecord, OutboundRecord } from './kafka.types';

type FetchedMessage = EachBatchPayload['batch']['messages'][number];

/** A fetched kafkajs message as handlers see it. */
export function toInbound(args: {
  topic: string;
  partition: number;
  message: FetchedMessage;
}): InboundRecord {
  const { topic, partition, message: m } = args;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
    }
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key,
    value: m.value,
    timestamp: m.timestamp,
    headers,
  };
}

/** Output records grouped by physical topic, in their order, as kafkajs' sendBatch takes them. */
export function groupByTopic(args: {
  records: readonly OutboundRecord[];
  naming: TopicNaming;
}): Array<{ topic: string; messages: Message[] }> {
  const byTopic = new Map<string, Message[]>();
  for (const record of args.records) {
    const name = topicName(record.topic, args.naming);
    let messages = byTopic.get(name);
    if (!messages) {
      messages = [];
      byTopic.set(name, messages);
    }
    messages.push({ key: record.key, value: record.value, headers: record.headers });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Where a consumed record sits, as a dead letter names it (the key in base64). */
export function kafkaSourceOf(record: InboundRecord): KafkaDeadLetterSource {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key === null ? null : record.key.toString('base64'),
    timestamp: record.timestamp,
  };
}
