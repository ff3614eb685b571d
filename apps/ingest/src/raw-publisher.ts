import type { Kafka, Producer } from 'kafkajs';
import type { TopicNaming } from '@lib/contracts';
import { groupByTopic, type OutboundRecord } from '@lib/kafka';

interface Waiting {
  records: OutboundRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Publishes the ingress's records (canonical events, dead letters) with one idempotent producer,
 * gathering what arrives within `lingerMs` into one request: MQTT and HTTP hand over one payload
 * at a time, and one request per payload would cap the ingress at the round-trip rate. A caller's
 * promise settles when its records are acknowledged by all in-sync replicas.
 */
export class RawPublisher {
  private readonly producer: Producer;
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    kafka: Kafka,
    private readonly naming: TopicNaming,
    private readonly lingerMs = 5,
    private readonly maxRecords = 500,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.flush();
    await this.inFlight;
    await this.producer.disconnect();
  }

  publish(records: OutboundRecord[]): Promise<void> {
    if (records.length === 0) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      const queued = this.queue.reduce((n, w) => n + w.records.length, 0);
      if (queued >= this.maxRecords) {
        void this.flush();
      } else {
        this.timer ??= setTimeout(() => void this.flush(), this.lingerMs);
      }
    });
  }

  private flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) {
      return this.inFlight;
    }
    // one request at a time keeps the order callers published in
    this.inFlight = this.inFlight.then(async () => {
      try {
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: groupByTopic({
            records: batch.flatMap((w) => w.records),
            naming: this.naming,
          }),
        });
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    });
    return this.inFlight;
  }
}
