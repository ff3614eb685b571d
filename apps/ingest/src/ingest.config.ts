import { EVIDENCE_ENV } from '@lib/evidence';
import {
  CAMERA_REFRESH_ENV,
  PERSISTENCE_ENV,
  type CameraRefreshEnvConfig,
  type PersistenceEnvConfig,
} from '@lib/persistence';
import {
  TRANSACTIONAL_ENV,
  kafkaEnv,
  type KafkaEnvConfig,
  type TransactionalEnvConfig,
} from '@lib/kafka';
import { loadConfig, parsers, type EnvSchema } from '@lib/common';

/** The registry (`DATABASE_URL` / `TAMIZ_SQLITE_PATH`) maps vendor devices to cameras. */
export interface IngestConfig
  extends KafkaEnvConfig, TransactionalEnvConfig, PersistenceEnvConfig, CameraRefreshEnvConfig {
  groupId: string;
  /** MQTT broker of the cameras (Frigate, ONVIF); unset: no MQTT ingress. */
  mqttUrl: string | undefined;
  mqttTopics: string[];
  httpHost: string;
  httpPort: number;
  /** Largest payload accepted on any transport; larger ones are dead-lettered (MQTT) or 413 (HTTP). */
  maxPayloadBytes: number;
  evidenceDir: string;
  evidenceKey: Buffer | undefined;
  siteId: string;
  /** Pixel size of the frames whose pixel boxes vendors report (DeepStream, Frigate, ANPR). */
  frameSize: { width: number; height: number };
  dedupWindowMs: number;
  /** Consume DeepStream's topic (exactly once into the raw topic). */
  deepstream: boolean;
}

export const INGEST_ENV: EnvSchema<IngestConfig> = {
  ...kafkaEnv({ clientId: 'tamiz-ingest' }),
  ...TRANSACTIONAL_ENV,
  groupId: {
    env: 'TAMIZ_INGEST_GROUP_ID',
    default: 'tamiz-ingest',
    description: 'consumer group reading the DeepStream topic',
    parse: parsers.topicPrefix,
  },
  mqttUrl: {
    env: 'TAMIZ_MQTT_URL',
    default: undefined,
    sensitive: true,
    description: 'mqtt://host:port of the cameras’ MQTT broker; unset disables MQTT',
    parse: (raw) => {
      if (!/^mqtts?:\/\/[^\s/]+(?::\d+)?\/?$/.test(raw)) {
        throw new Error('expected mqtt://host:port or mqtts://host:port');
      }
      return raw;
    },
  },
  mqttTopics: {
    env: 'TAMIZ_MQTT_TOPICS',
    default: ['frigate/events', 'frigate/tracked_object_update', '+/onvif-mj/#', '+/onvif-ej/#'],
    description: 'MQTT topic filters to subscribe, comma-separated',
    parse: (raw) => {
      const topics = raw.split(',').map((t) => t.trim());
      if (topics.some((t) => t === '' || /\s/.test(t))) {
        throw new Error('expected comma-separated MQTT topic filters');
      }
      return topics;
    },
  },
  httpHost: {
    env: 'TAMIZ_INGEST_HTTP_HOST',
    default: '127.0.0.1',
    description: 'address of the HTTP listener (Hikvision ISAPI, health)',
    parse: parsers.string,
  },
  httpPort: {
    env: 'TAMIZ_INGEST_HTTP_PORT',
    default: 3100,
    description: 'port of the HTTP listener (0 picks a free one)',
    parse: parsers.int({ min: 0, max: 65_535 }),
  },
  maxPayloadBytes: {
    env: 'TAMIZ_MAX_PAYLOAD_BYTES',
    default: 4_194_304,
    description: 'largest camera payload accepted, images included',
    parse: parsers.int({ min: 1_024, max: 33_554_432 }),
  },
  evidenceDir: EVIDENCE_ENV.evidenceDir,
  evidenceKey: EVIDENCE_ENV.evidenceKey,
  ...PERSISTENCE_ENV,
  ...CAMERA_REFRESH_ENV,
  siteId: {
    env: 'TAMIZ_SITE_ID',
    default: 'default-site',
    description: 'site id for cameras whose format names none',
    parse: parsers.topicPrefix,
  },
  frameSize: {
    env: 'TAMIZ_FRAME_SIZE',
    default: { width: 1920, height: 1080 },
    description: 'WIDTHxHEIGHT of the frames vendors report pixel boxes in',
    parse: (raw) => {
      const match = /^(\d{2,5})x(\d{2,5})$/.exec(raw);
      if (!match) {
        throw new Error('expected WIDTHxHEIGHT, e.g. 1920x1080');
      }
      return { width: Number(match[1]), height: Number(match[2]) };
    },
  },
  dedupWindowMs: {
    env: 'TAMIZ_DEDUP_WINDOW_MS',
    default: 5_000,
    description:
      'repeated updates of one (camera, track, analytic) within this window yield one event',
    parse: parsers.int({ min: 0, max: 600_000 }),
  },
  deepstream: {
    env: 'TAMIZ_INGEST_DEEPSTREAM',
    default: true,
    description: 'read DeepStream payloads from <prefix>detections.deepstream (true/false)',
    parse: (raw) => {
      if (raw !== 'true' && raw !== 'false') {
        throw new Error('expected true or false');
      }
      return raw === 'true';
    },
  },
};

export function loadIngestConfig(env: NodeJS.ProcessEnv): IngestConfig {
  return loadConfig(INGEST_ENV, env);
}
