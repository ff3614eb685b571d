import type { Kafka, Producer } from 'kafkajs';
import { connectAsync, type MqttClient } from 'mqtt';
import { topicName, type CameraRecord } from '@lib/contracts';
import {
  VendorMix,
  syntheticSnapshot,
  type VendorFormat,
  type VendorMessage,
} from '@lib/simulator';

export interface SimulateOptions {
  cameras: readonly CameraRecord[];
  /** Payloads per second over all cameras. */
  rate: number;
  /** Stop after this many payloads (0: until stopped). */
  count: number;
  seed: number;
  formats?: readonly VendorFormat[];
  /** Share of Hikvision alerts sent with a synthetic JPEG (faces and plates drawn in). */
  snapshotShare: number;
  malformedShare: number;
  mqttUrl: string | null;
  /** Base URL of the ingest HTTP listener (Hikvision ISAPI). */
  ingestUrl: string | null;
  kafka: Kafka | null;
  topicPrefix: string;
}

export interface SimulateTally {
  sent: Record<'mqtt' | 'http' | 'kafka', number>;
  failed: Record<'mqtt' | 'http' | 'kafka', number>;
  skipped: number;
  malformed: number;
  snapshots: number;
}

/**
 * `tamiz simulate`: cameras that speak their vendors' formats over their vendors' transports —
 * DeepStream into Kafka, Frigate and ONVIF over MQTT, Hikvision as ISAPI multipart over HTTP with
 * synthetic snapshots — at a steady rate, reproducible from a seed. A transport that is not
 * configured is skipped (and counted), never faked.
 */
export class CameraSimulator {
  private readonly mix: VendorMix;
  private mqtt: MqttClient | null = null;
  private producer: Producer | null = null;
  private stopped = false;
  readonly tally: SimulateTally = {
    sent: { mqtt: 0, http: 0, kafka: 0 },
    failed: { mqtt: 0, http: 0, kafka: 0 },
    skipped: 0,
    malformed: 0,
    snapshots: 0,
  };

  constructor(
    private readonly options: SimulateOptions,
    startAt: Date,
  ) {
    this.mix = new VendorMix({
      seed: options.seed,
      cameras: options.cameras,
      startAt,
      stepMs: Math.max(1, Math.round(1000 / options.rate)),
      formats: options.formats,
      malformedShare: options.malformedShare,
    });
  }

  async connect(): Promise<void> {
    if (this.options.mqttUrl) {
      this.mqtt = await connectAsync(this.options.mqttUrl, {
        clientId: `tamiz-sim-${this.options.seed}-${process.pid}`,
        connectTimeout: 10_000,
      });
    }
    if (this.options.kafka) {
      this.producer = this.options.kafka.producer();
      await this.producer.connect();
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.mqtt?.endAsync();
    await this.producer?.disconnect();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Sends at the configured rate, in ticks of 100 ms, until `count` or `stop()`. */
  async run(onTick?: (tally: SimulateTally) => void): Promise<SimulateTally> {
    const tickMs = 100;
    let sent = 0;
    let credit = 0;
    while (!this.stopped && (this.options.count === 0 || sent < this.options.count)) {
      const started = performance.now();
      credit += (this.options.rate * tickMs) / 1000;
      const batch: VendorMessage[] = [];
      while (
        credit >= 1 &&
        (this.options.count === 0 || sent + batch.length < this.options.count)
      ) {
        batch.push(this.mix.next());
        credit -= 1;
      }
      await Promise.all(batch.map((m) => this.send(m)));
      sent += batch.length;
      onTick?.(this.tally);
      const wait = tickMs - (performance.now() - started);
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    return this.tally;
  }

  private async send(message: VendorMessage): Promise<void> {
    if (message.malformed) {
      this.tally.malformed += 1;
    }
    try {
      switch (message.transport) {
        case 'mqtt':
          if (!this.mqtt) {
            this.tally.skipped += 1;
            return;
          }
          await this.mqtt.publishAsync(message.channel, message.payload, { qos: 1 });
          this.tally.sent.mqtt += 1;
          return;
        case 'kafka':
          if (!this.producer) {
            this.tally.skipped += 1;
            return;
          }
          await this.producer.send({
            topic: topicName('detections.deepstream.v1', { prefix: this.options.topicPrefix }),
            messages: [{ key: message.cameraId, value: message.payload }],
          });
          this.tally.sent.kafka += 1;
          return;
        case 'http':
          if (!this.options.ingestUrl) {
            this.tally.skipped += 1;
            return;
          }
          await this.post(message);
          this.tally.sent.http += 1;
          return;
      }
    } catch {
      this.tally.failed[message.transport] += 1;
    }
  }

  /** ISAPI style: the alert alone, or multipart with the JPEG parts it names. */
  private async post(message: VendorMessage): Promise<void> {
    const url = `${this.options.ingestUrl}${message.channel}`;
    const xml = message.format === 'hikvision-xml';
    const contentType = xml ? 'application/xml' : 'application/json';
    const withImage =
      xml &&
      (message.imageParts?.length ?? 0) > 0 &&
      this.tally.sent.http % Math.round(1 / this.options.snapshotShare) === 0;
    let body: Blob | FormData;
    if (withImage) {
      const snapshot = await syntheticSnapshot(this.options.seed + this.tally.sent.http, {
        width: 1280,
        height: 720,
      });
      this.tally.snapshots += 1;
      const form = new FormData();
      form.append('ANPR', new Blob([message.payload], { type: contentType }), 'ANPR.xml');
      for (const name of message.imageParts ?? []) {
        form.append(name, new Blob([snapshot.jpeg], { type: 'image/jpeg' }), name);
      }
      body = form;
    } else {
      body = new Blob([message.payload], { type: contentType });
    }
    const response = await fetch(url, {
      method: 'POST',
      body,
      ...(withImage ? {} : { headers: { 'content-type': contentType } }),
    });
    // 400 is the ingress refusing a malformed alert (dead-lettered): the send itself worked
    if (!response.ok && !(message.malformed && response.status === 400)) {
      throw new Error(`HTTP ${response.status}`);
    }
    await response.arrayBuffer();
  }
}
