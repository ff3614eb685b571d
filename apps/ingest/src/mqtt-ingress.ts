import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { AdapterFormat } from '@lib/adapters';
import type { JsonLogger } from '@lib/common';
import type { IngressService } from './ingress.service';

/** The camera format of an MQTT topic: Frigate's fixed topics, ONVIF's `<prefix>/onvif-mj|ej/…`. */
export function formatOfMqttTopic(topic: string): AdapterFormat | null {
  if (/(^|\/)frigate\/(events|tracked_object_update)$/.test(topic)) {
    return AdapterFormat.Frigate;
  }
  if (/(^|\/)onvif-(mj|ej)\//.test(topic)) {
    return AdapterFormat.Onvif;
  }
  return null;
}

/**
 * Frigate and ONVIF over MQTT. QoS 1 subscriptions, and a message is acknowledged to the broker
 * only after its canonical events (or its dead letter) are acknowledged by Kafka: a crash in
 * between makes the broker deliver it again (at least once; event ids are deterministic, so a
 * redelivery yields the same ids). Retained messages (ONVIF property state) are read too; empty
 * payloads (ONVIF "deleted") carry nothing and are acknowledged as such.
 */
export class MqttIngress {
  private client: MqttClient | null = null;

  constructor(
    private readonly args: {
      url: string;
      topics: string[];
      ingress: IngressService;
      logger: JsonLogger;
      maxPayloadBytes: number;
      clientId: string;
    },
  ) {}

  async start(): Promise<void> {
    const options: IClientOptions = {
      // a stable client id and a persistent session: after a restart the broker hands over
      // what arrived meanwhile (one ingress per client id; scale out with TAMIZ_CLIENT_ID)
      clientId: this.args.clientId,
      clean: false,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
    };
    const client = connect(this.args.url, options);
    this.client = client;
    client.handleMessage = (packet, callback) => {
      const topic = packet.topic;
      const payload = Buffer.isBuffer(packet.payload)
        ? packet.payload
        : Buffer.from(packet.payload);
      this.receive(topic, payload).then(
        () => callback(),
        (error: unknown) => {
          // not acknowledged: the broker delivers it again after a reconnect
          this.args.logger.event('error', 'mqtt payload not handed over; it will be redelivered', {
            error: (error as Error).name,
          });
          client.end(true, {}, () => client.reconnect());
        },
      );
    };
    client.on('error', (error) =>
      this.args.logger.event('warn', 'mqtt error', {
        error: error.name,
        code: (error as { code?: string }).code,
      }),
    );
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    await client.subscribeAsync(this.args.topics, { qos: 1 });
    this.args.logger.event('info', 'mqtt ingress subscribed', {
      topics: this.args.topics.join(','),
    });
  }

  async stop(): Promise<void> {
    await this.client?.endAsync();
    this.client = null;
  }

  private async receive(topic: string, payload: Buffer): Promise<void> {
    if (payload.length === 0) {
      return;
    }
    const format = formatOfMqttTopic(topic);
    const source = { transport: 'mqtt' as const, channel: topic };
    await this.args.ingress.accept({ format, channel: topic, payload, contentType: null }, source);
  }
}
