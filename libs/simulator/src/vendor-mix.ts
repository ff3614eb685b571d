import type { CameraRecord } from '@lib/contracts';
import { seededRng, type Rng } from './prng';
import {
  vendorSpeakers,
  type SimulatedCamera,
  type VendorDevice,
  type VendorSpeaker,
} from './vendor-device';

/** The wire formats the simulator speaks, as real camera analytics emit them (formats.md §1–4a). */
export const VENDOR_FORMATS = [
  'deepstream-full',
  'deepstream-minimal',
  'frigate-events',
  'frigate-tracked-object-update',
  'onvif-mj',
  'onvif-ej',
  'hikvision-xml',
  'hikvision-json',
] as const;
export type VendorFormat = (typeof VENDOR_FORMATS)[number];

/** How a payload travels: Kafka topic (DeepStream), MQTT topic (Frigate, ONVIF), HTTP (Hikvision). */
export type VendorTransport = 'kafka' | 'mqtt' | 'http';

export interface VendorMessage {
  format: VendorFormat;
  transport: VendorTransport;
  /** MQTT topic, Kafka topic suffix or HTTP path. */
  channel: string;
  cameraId: string;
  payload: Buffer;
  /** Hikvision: the JPEG parts the alert names (file name → part), filled by the caller's renderer. */
  imageParts?: string[];
  /** True when the simulator broke the payload on purpose (it must be dead-lettered). */
  malformed: boolean;
}

const TRANSPORT: Record<VendorFormat, VendorTransport> = {
  'deepstream-full': 'kafka',
  'deepstream-minimal': 'kafka',
  'frigate-events': 'mqtt',
  'frigate-tracked-object-update': 'mqtt',
  'onvif-mj': 'mqtt',
  'onvif-ej': 'mqtt',
  'hikvision-xml': 'http',
  'hikvision-json': 'http',
};

const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const COLORS = ['black', 'blue', 'red', 'white', 'gray', 'green'] as const;

/**
 * A deterministic stream of vendor payloads for `tamiz simulate`, the demo and the benchmarks:
 * the same seed gives the same bytes. Cameras are spread over the formats by index, so each camera
 * speaks one format, as a real one does; `malformedShare` of the payloads are broken on purpose.
 */
export class VendorMix {
  private readonly rng: Rng;
  private seq = 0;
  private readonly speakers: readonly VendorSpeaker[];

  constructor(
    private readonly args: {
      seed: number;
      cameras: readonly SimulatedCamera[];
      startAt: Date;
      /** Milliseconds of simulated time between two messages. */
      stepMs?: number;
      formats?: readonly VendorFormat[];
      malformedShare?: number;
    },
  ) {
    if (args.cameras.length === 0) {
      throw new Error('VendorMix needs at least one camera');
    }
    this.rng = seededRng(args.seed);
    this.speakers = vendorSpeakers({
      cameras: args.cameras,
      formats: args.formats ?? VENDOR_FORMATS,
    });
    if (this.speakers.length === 0) {
      throw new Error('VendorMix: no camera speaks any of the formats asked for');
    }
  }

  next(): VendorMessage {
    this.seq += 1;
    const speaker = this.speakers[this.rng.int(this.speakers.length)];
    const at = new Date(this.args.startAt.getTime() + this.seq * (this.args.stepMs ?? 50));
    const message = this.render(speaker, at);
    if (this.rng.next() < (this.args.malformedShare ?? 0.03)) {
      return { ...message, payload: this.breakPayload(message.payload), malformed: true };
    }
    return message;
  }

  private render({ format, camera, device }: VendorSpeaker, at: Date): VendorMessage {
    const base = { format, transport: TRANSPORT[format], cameraId: camera.cameraId };
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    switch (format) {
      case 'deepstream-full':
        return {
          ...base,
          channel: 'deepstream',
          payload: json(this.deepstreamFull(camera, device, at)),
          malformed: false,
        };
      case 'deepstream-minimal':
        return {
          ...base,
          channel: 'deepstream',
          payload: json(this.deepstreamMinimal(device, at)),
          malformed: false,
        };
      case 'frigate-events':
        return {
          ...base,
          channel: 'frigate/events',
          payload: json(this.frigateEvent(camera, device, at)),
          malformed: false,
        };
      case 'frigate-tracked-object-update':
        return {
          ...base,
          channel: 'frigate/tracked_object_update',
          payload: json(this.frigateUpdate(device, at)),
          malformed: false,
        };
      case 'onvif-mj':
        return {
          ...base,
          channel: `${device.deviceId}/onvif-mj/VideoAnalytics/${device.channel ?? 'prof_main'}/ObjClassifier`,
          payload: json(this.onvifScene(at)),
          malformed: false,
        };
      case 'onvif-ej':
        return {
          ...base,
          channel: `${device.deviceId}/onvif-ej/RuleEngine/FieldDetector/ObjectsInside/&${device.channel ?? 'vs1'}/Zone1`,
          payload: json(this.onvifEvent(device, at)),
          malformed: false,
        };
      case 'hikvision-xml':
        return {
          ...base,
          channel: '/isapi/events',
          payload: Buffer.from(this.hikvisionXml(camera, device, at)),
          imageParts: ['detectionPicture.jpg'],
          malformed: false,
        };
      case 'hikvision-json':
        return {
          ...base,
          channel: '/isapi/events',
          payload: json(this.hikvisionJson(camera, device, at)),
          malformed: false,
        };
    }
  }

  private plate(): string {
    const letters = Array.from(
      { length: 3 },
      () => PLATE_LETTERS[this.rng.int(PLATE_LETTERS.length)],
    );
    return `${letters.join('')}-${String(this.rng.int(1000)).padStart(3, '0')}`;
  }

  private box(width: number, height: number): [number, number, number, number] {
    const w = 40 + this.rng.int(200);
    const h = 60 + this.rng.int(300);
    const x = this.rng.int(width - w);
    const y = this.rng.int(height - h);
    return [x, y, x + w, y + h];
  }

  private deepstreamFull(camera: CameraRecord, device: VendorDevice, at: Date) {
    const vehicle = this.rng.next() < 0.4;
    const [x1, y1, x2, y2] = this.box(1920, 1080);
    return {
      messageid: this.uuid(),
      mdsversion: '1.0',
      '@timestamp': at.toISOString(),
      place: { id: camera.siteId, name: camera.name, type: camera.zoneType },
      sensor: { id: device.deviceId, type: 'Camera', description: camera.name },
      analyticsModule: {
        id: 'peoplenet-v2',
        description: 'detection',
        source: 'tamiz-sim',
        version: '2.3',
      },
      object: {
        id: String(100_000 + this.rng.int(900_000)),
        speed: 0,
        direction: 0,
        orientation: 0,
        ...(vehicle
          ? {
              vehicle: {
                type: 'car',
                make: '',
                model: '',
                color: this.rng.pick(COLORS),
                licenseState: '',
                license: this.plate(),
                confidence: 0.8 + this.rng.next() * 0.2,
              },
            }
          : {
              person: {
                age: 0,
                gender: '',
                hair: '',
                cap: '',
                apparel: this.rng.pick(COLORS),
                confidence: 0.6 + this.rng.next() * 0.4,
              },
            }),
        bbox: { topleftx: x1, toplefty: y1, bottomrightx: x2, bottomrighty: y2 },
      },
      event: { id: this.uuid(), type: this.rng.pick(['entry', 'exit', 'moving', 'stopped']) },
      videoPath: '',
    };
  }

  private deepstreamMinimal(device: VendorDevice, at: Date) {
    const objects = Array.from({ length: 1 + this.rng.int(3) }, () => {
      const [x1, y1, x2, y2] = this.box(1920, 1080);
      const id = 1000 + this.rng.int(9000);
      return this.rng.next() < 0.5
        ? `${id}|${x1}|${y1}|${x2}|${y2}|Person|#|${this.rng.pick(['male', 'female', ''])}|0|||${this.rng.pick(COLORS)}|${(0.6 + this.rng.next() * 0.4).toFixed(2)}`
        : `${id}|${x1}|${y1}|${x2}|${y2}|Vehicle|#|car|||${this.rng.pick(COLORS)}|${this.plate()}|PE|${(0.7 + this.rng.next() * 0.3).toFixed(2)}`;
    });
    return {
      version: '4.0',
      id: String(this.seq),
      '@timestamp': at.toISOString(),
      sensorId: device.deviceId,
      objects,
    };
  }

  private frigateObject(camera: CameraRecord, device: VendorDevice, at: Date, id: string) {
    const [x1, y1, x2, y2] = this.box(1280, 720);
    const score = 0.6 + this.rng.next() * 0.4;
    const label = this.rng.pick(['person', 'car', 'person']);
    const t = at.getTime() / 1000;
    return {
      id,
      camera: device.deviceId,
      frame_time: t,
      label,
      sub_label: null,
      score,
      top_score: score,
      false_positive: false,
      start_time: t - 2,
      end_time: null,
      box: [x1, y1, x2, y2],
      area: (x2 - x1) * (y2 - y1),
      ratio: (x2 - x1) / (y2 - y1),
      region: [0, 0, 1280, 720],
      current_zones: [camera.zoneType],
      entered_zones: [camera.zoneType],
      has_clip: true,
      has_snapshot: true,
      thumbnail: null,
      active: true,
      stationary: false,
      attributes: {},
      current_attributes: [],
      recognized_license_plate: label === 'car' ? this.plate() : null,
      recognized_license_plate_score: label === 'car' ? 0.9 : null,
    };
  }

  private frigateEvent(camera: CameraRecord, device: VendorDevice, at: Date) {
    const id = `${(at.getTime() / 1000 - 2).toFixed(6)}-${this.rng.int(1e6).toString(36).padStart(6, '0')}`;
    const after = this.frigateObject(camera, device, at, id);
    return { type: this.rng.pick(['new', 'update', 'update', 'end']), before: after, after };
  }

  private frigateUpdate(device: VendorDevice, at: Date) {
    const id = `${(at.getTime() / 1000 - 2).toFixed(6)}-${this.rng.int(1e6).toString(36).padStart(6, '0')}`;
    return this.rng.next() < 0.5
      ? {
          type: 'face',
          id,
          name: this.rng.next() < 0.3 ? `enrolled-${this.rng.int(100)}` : null,
          score: 0.8,
          camera: device.deviceId,
          timestamp: at.getTime() / 1000,
        }
      : {
          type: 'lpr',
          id,
          name: null,
          plate: this.plate(),
          score: 0.9,
          camera: device.deviceId,
          timestamp: at.getTime() / 1000,
          plate_box: [100, 200, 180, 230],
        };
  }

  private onvifScene(at: Date) {
    const left = -0.9 + this.rng.next() * 1.2;
    const top = 0.9 - this.rng.next() * 0.6;
    return {
      Frame: [
        {
          '@UtcTime': at.toISOString(),
          '@Source': 'ObjClassifier',
          Object: [
            {
              '@ObjectId': 300 + this.rng.int(100),
              Appearance: {
                Shape: {
                  BoundingBox: {
                    '@left': left,
                    '@top': top,
                    '@right': left + 0.3,
                    '@bottom': top - 0.6,
                  },
                },
                Class: { Type: [{ '@Likelihood': 0.7 + this.rng.next() * 0.3, '#text': 'Human' }] },
                HumanBody: {
                  Clothing: { Tops: { Category: 'LongSleeve', Color: this.rng.pick(COLORS) } },
                },
              },
            },
          ],
        },
      ],
    };
  }

  private onvifEvent(device: VendorDevice, at: Date) {
    const left = -0.8 + this.rng.next();
    return {
      UtcTime: at.toISOString(),
      Source: { VideoSource: device.channel ?? 'vs1', Rule: 'Zone1' },
      Data: {
        IsInside: true,
        ObjectId: { '@ObjectId': 400 + this.rng.int(100) },
        Likelihood: 0.7 + this.rng.next() * 0.3,
        BoundingBox: { '@left': left, '@top': 0.5, '@right': left + 0.2, '@bottom': -0.2 },
      },
    };
  }

  private hikvisionXml(camera: CameraRecord, device: VendorDevice, at: Date): string {
    const plate = this.plate().replace('-', '');
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">',
      '<ipAddress>10.20.0.41</ipAddress><portNo>80</portNo><protocol>HTTP</protocol>',
      `<macAddress>${device.deviceId}</macAddress>`,
      `<channelID>${hikvisionChannel(device)}</channelID><dateTime>${at.toISOString()}</dateTime><activePostCount>1</activePostCount>`,
      `<eventType>ANPR</eventType><eventState>active</eventState><eventDescription>ANPR</eventDescription><channelName>${camera.cameraId}</channelName>`,
      `<ANPR><country>PE</country><licensePlate>${plate}</licensePlate><line>1</line><direction>forward</direction>`,
      `<confidenceLevel>${70 + this.rng.int(30)}</confidenceLevel><plateType>unknown</plateType><plateColor>white</plateColor><vehicleType>vehicle</vehicleType>`,
      `<vehicleInfo><index>1</index><colorDepth>1</colorDepth><color>${this.rng.pick(COLORS)}</color></vehicleInfo>`,
      '<pictureInfoList><pictureInfo><fileName>detectionPicture.jpg</fileName><type>detectionPicture</type>',
      `<plateRect><X>${400 + this.rng.int(400)}</X><Y>${500 + this.rng.int(300)}</Y><width>96</width><height>30</height></plateRect></pictureInfo></pictureInfoList>`,
      `<originalLicensePlate>${plate}</originalLicensePlate></ANPR>`,
      `<UUID>${this.uuid()}</UUID><picNum>1</picNum></EventNotificationAlert>`,
    ].join('');
  }

  private hikvisionJson(camera: CameraRecord, device: VendorDevice, at: Date) {
    const x = this.rng.next() * 0.8;
    return {
      ipAddress: '10.20.0.42',
      portNo: 80,
      protocol: 'HTTP',
      macAddress: device.deviceId,
      channelID: hikvisionChannel(device),
      dateTime: at.toISOString(),
      activePostCount: 1,
      eventType: 'fielddetection',
      eventState: 'active',
      eventDescription: 'fielddetection alarm',
      channelName: camera.cameraId,
      DetectionRegionList: {
        DetectionRegionEntry: [
          {
            regionID: 1,
            sensitivityLevel: 50,
            detectionTarget: 'human',
            TargetRect: { X: x, Y: 0.3, width: 0.1, height: 0.3 },
          },
        ],
      },
    };
  }

  /** Breaks a payload the way real links do: truncation, a wrong type, or garbage bytes. */
  private breakPayload(payload: Buffer): Buffer {
    switch (this.rng.int(3)) {
      case 0:
        return payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
      case 1:
        return Buffer.from([0xff, 0xfe, 0x00, ...payload.subarray(0, 16)]);
      default:
        return Buffer.from('{"type":42,"after":"not an object"}');
    }
  }

  private uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.rng.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

// ISAPI numbers channels; a registered channel that is not a number cannot be sent as one.
function hikvisionChannel(device: VendorDevice): number {
  const channel = Number(device.channel);
  return Number.isInteger(channel) && channel >= 0 ? channel : 1;
}
