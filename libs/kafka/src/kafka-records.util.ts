import type { Message } from '@confluentinc/kafka-javascript';
import type { Message as KafkajsMessage } from 'kafkajs';
import { topicName, type KafkaDeadLetterSource, type TopicNaming } from '@lib/contracts';
import type { InboundRecord, OutboundRecord } from './kafka.types';

/** A polled librdkafka message as handlers see it (a repeated header: its first value). */
export function toInbound(m: Message): InboundRecord {
  const headers: Record<string, string> = {};
  for (const header of m.headers ?? []) {
    for (const [name, value] of Object.entries(header)) {
      if (!(name in headers)) {
        headers[name] = String(value);
      }
    }
  }
  return {
    topic: m.topic,
    partition: m.partition,
    offset: String(m.offset),
    key: m.key === undefined || m.key === null ? null : Buffer.from(m.key),
    value: m.value,
    timestamp: String(m.timestamp ?? -1),
    headers,
  };
}

/** Output records grouped by physical topic, in their order, as kafkajs' sendBatch takes them. */
export function groupByTopic(args: {
  records: readonly OutboundRecord[];
  naming: TopicNaming;
}): Array<{ topic: string; messages: KafkajsMessage[] }> {
  const byTopic = new Map<string, KafkajsMessage[]>();
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
