import {
  DETECTION_DATA_SCHEMA,
  DETECTION_EVENT_TYPE,
  type CameraRecord,
  type DetectionData,
  type DetectionEventV1,
} from '@lib/contracts';
import { seededRng, type Rng } from './prng';

/** What the simulator meant to send; whether it is lawful is for the policy to say. */
export type SimulatedKind =
  | 'behaviour'
  | 'plate-hit'
  | 'crowd'
  | 'emergency'
  | 'face-match'
  | 'demographics'
  | 'unknown-camera'
  | 'malformed';

export interface SimulatedRecord {
  kind: SimulatedKind;
  key: string | null;
  value: Buffer;
}

const BEHAVIOURS = ['fight', 'intrusion', 'weapon', 'abandoned-object'] as const;
const COLORS = ['negro', 'azul', 'rojo', 'blanco', 'gris', 'verde'] as const;
const GARMENTS = ['polo', 'casaca', 'camisa', 'chompa'] as const;
const VEHICLES = ['car', 'motorcycle', 'truck', 'mototaxi'] as const;

/** Weighted mix: mostly lawful traffic, a steady share of unlawful, a few malformed records. */
const MIX: ReadonlyArray<[SimulatedKind, number]> = [
  ['behaviour', 30],
  ['plate-hit', 20],
  ['crowd', 10],
  ['emergency', 5],
  ['face-match', 12],
  ['demographics', 13],
  ['unknown-camera', 5],
  ['malformed', 5],
];

/**
 * A deterministic stream of realistic detections for the demo and the benchmarks: the same seed
 * gives the same records. Events are canonical CloudEvents; malformed records are raw bytes.
 */
export class EventMix {
  private readonly rng: Rng;
  private seq = 0;

  constructor(
    private readonly args: {
      seed: number;
      cameras: readonly CameraRecord[];
      startAt: Date;
      /** Pads valid events with vendor analytics metadata to a size in this range (bytes). */
      sizeRange?: [number, number];
    },
  ) {
    this.rng = seededRng(args.seed);
  }

  next(): SimulatedRecord {
    const kind = this.pickKind();
    this.seq += 1;
    if (kind === 'malformed') {
      return { kind, key: null, value: this.malformed() };
    }
    const camera =
      kind === 'unknown-camera'
        ? { cameraId: `cam-desconocida-${this.rng.int(50)}`, siteId: 'desconocido' }
        : this.rng.pick(this.args.cameras);
    const event = this.event(kind, camera.cameraId, camera.siteId);
    if (this.args.sizeRange) {
      this.pad(event, this.args.sizeRange);
    }
    return { kind, key: camera.cameraId, value: Buffer.from(JSON.stringify(event)) };
  }

  private pickKind(): SimulatedKind {
    const total = MIX.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.rng.next() * total;
    for (const [kind, weight] of MIX) {
      roll -= weight;
      if (roll < 0) {
        return kind;
      }
    }
    return 'behaviour';
  }

  private event(kind: SimulatedKind, cameraId: string, siteId: string): DetectionEventV1 {
    const occurredAt = new Date(this.args.startAt.getTime() + this.seq * 250).toISOString();
    const eventId = `sim-${this.args.seed}-${this.seq}`;
    const data: DetectionData = {
      eventId,
      occurredAt,
      cameraId,
      siteId,
      analyticType: 'fight',
      objectClass: 'person',
      confidence: Math.round((0.55 + this.rng.next() * 0.45) * 100) / 100,
      boundingBox: { x: 0.1 + this.rng.next() * 0.5, y: 0.2, w: 0.1, h: 0.3 },
      trackId: `trk-${this.rng.int(100_000)}`,
      vendor: { kind: 'tamiz-simulator' },
    };
    this.shape(kind, data);
    return {
      specversion: '1.0',
      id: eventId,
      source: `urn:site:${siteId}:camera:${cameraId}`,
      type: DETECTION_EVENT_TYPE,
      time: occurredAt,
      subject: `camera/${cameraId}`,
      datacontenttype: 'application/json',
      dataschema: DETECTION_DATA_SCHEMA,
      data,
    };
  }

  private shape(kind: SimulatedKind, data: DetectionData): void {
    const person = {
      age: 18 + this.rng.int(60),
      gender: this.rng.pick(['male', 'female']),
      clothing: {
        upper: { type: this.rng.pick(GARMENTS), color: this.rng.pick(COLORS) },
        lower: { type: 'pantalon', color: this.rng.pick(COLORS) },
      },
    };
    switch (kind) {
      case 'behaviour':
      case 'unknown-camera':
        data.analyticType = this.rng.pick(BEHAVIOURS);
        data.attributes = { person };
        return;
      case 'plate-hit':
        data.analyticType = 'plate-watchlist-hit';
        data.objectClass = 'vehicle';
        data.attributes = {
          vehicle: { type: this.rng.pick(VEHICLES), color: this.rng.pick(COLORS) },
        };
        data.identifiers = { plate: { value: this.plate(), country: 'PE' } };
        return;
      case 'crowd':
        data.analyticType = 'crowd-density';
        data.attributes = { crowd: { count: 20 + this.rng.int(300) } };
        return;
      case 'emergency':
        data.analyticType = this.rng.pick(['fall', 'smoke-fire']);
        return;
      case 'face-match':
        data.analyticType = 'face-match';
        data.objectClass = 'face';
        data.identifiers = {
          faceMatch: {
            subjectRef: `subj-${this.rng.int(1000)}`,
            watchlist: 'requisitoria',
            similarity: 0.91,
          },
        };
        return;
      case 'demographics':
        data.analyticType = 'person-attributes';
        data.attributes = { person: { ...person, ethnicity: 'unknown' } };
        return;
      case 'malformed':
        return;
    }
  }

  /** Real analytics attach bulky model metadata; policies must drop it, so it costs like it. */
  private pad(event: DetectionEventV1, [min, max]: [number, number]): void {
    const target = min + this.rng.int(Math.max(1, max - min));
    const analytics: Record<string, unknown> = {
      model: 'peoplenet-v2.6',
      modelVersion: '2.6.3',
      inferenceMs: 4 + this.rng.int(20),
      frameId: this.rng.int(10_000_000),
      sensorSerial: `SN-${this.rng.int(1_000_000)}`,
      trace: '',
    };
    event.data.attributes = { ...event.data.attributes, analytics };
    const size = Buffer.byteLength(JSON.stringify(event));
    analytics.trace = 'f'.repeat(Math.max(0, target - size));
  }

  private plate(): string {
    const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    const l = () => letters[this.rng.int(letters.length)];
    return `${l()}${l()}${l()}-${String(this.rng.int(1000)).padStart(3, '0')}`;
  }

  private malformed(): Buffer {
    switch (this.rng.int(4)) {
      case 0:
        return Buffer.from('{"specversion":"1.0","id":"x",');
      case 1:
        return Buffer.from(
          JSON.stringify({ specversion: '1.0', id: 42, data: { confidence: 'high' } }),
        );
      case 2:
        return Buffer.from('{"__proto__":{"admin":true},"specversion":"1.0"}');
      default:
        return Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    }
  }
}
