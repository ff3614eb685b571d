import type { CameraRecord, DetectionData } from '@lib/contracts';
import type { PurposeV2 } from '@lib/policy';

/**
 * A synthetic day of detections for the policy benchmark, reproducible from a seed: cameras in
 * every zone type, the template's analytic types (and some no purpose covers), tracks seen
 * several times, plates, face matches, and a vendor that now and then sends a prohibited key.
 */

/** mulberry32: a small seeded generator, so every run sees the same events. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['via-publica', 'via-publica', 'parque', 'mercado', 'colegio-perimetro'];
const TAGS = [['centro'], ['semaforo'], ['turistico'], [], ['colegio']];

export function syntheticCameras(purposes: readonly PurposeV2[]): CameraRecord[] {
  const random = generator(7);
  const ids = purposes.map((p) => p.id);
  // the authorisation in the template names these two; the rest are numbered
  const cameraIds = ['cam-si-001', 'cam-mf-002'];
  for (let i = 3; i <= 40; i++) {
    cameraIds.push(`cam-${String(i).padStart(3, '0')}`);
  }
  return cameraIds.map((cameraId, i) => ({
    cameraId,
    name: `Cámara ${cameraId}`,
    district: i % 2 === 0 ? 'San Isidro' : 'Miraflores',
    siteId: `site-${i % 12}`,
    zoneType: ZONES[i % ZONES.length],
    // most cameras serve most purposes; a few are registered for fewer
    allowedPurposes: ids.filter(() => random() < 0.85),
    tags: TAGS[i % TAGS.length],
  }));
}

const EXTRA_ANALYTICS = ['motion', 'lpr', 'line-crossing'];
const OBJECT_CLASS: Readonly<Record<string, string>> = {
  'plate-watchlist-hit': 'vehicle',
  'red-light': 'vehicle',
  'wrong-way': 'vehicle',
  'illegal-parking': 'vehicle',
  lpr: 'vehicle',
  'face-match': 'face',
  'abandoned-object': 'bag',
  'smoke-fire': 'fire',
  'crowd-density': 'crowd',
};
const COLORS = ['red', 'blue', 'black', 'white', 'grey', 'green'];

const fixed = (value: number, digits: number): number => Number(value.toFixed(digits));

/**
 * The events in batches, each as JSON.parse builds it (what the governor hands the engine after
 * parseDetection). Generated batch by batch, so the benchmark's heap holds one batch, not a day.
 */
export function* syntheticBatches(args: {
  count: number;
  batch: number;
  cameras: readonly CameraRecord[];
  purposes: readonly PurposeV2[];
}): Generator<DetectionData[]> {
  let pending: DetectionData[] = [];
  for (const event of syntheticEvents(args)) {
    pending.push(event);
    if (pending.length === args.batch) {
      yield JSON.parse(JSON.stringify(pending)) as DetectionData[];
      pending = [];
    }
  }
  if (pending.length > 0) {
    yield JSON.parse(JSON.stringify(pending)) as DetectionData[];
  }
}

function* syntheticEvents(args: {
  count: number;
  cameras: readonly CameraRecord[];
  purposes: readonly PurposeV2[];
}): Generator<DetectionData> {
  const random = generator(2026);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const analytics = [...new Set(args.purposes.flatMap((p) => p.analytics)), ...EXTRA_ANALYTICS];
  // one day in Lima from 05:00 local (10:00 UTC), in event-time order
  const start = Date.parse('2026-03-16T10:00:00.000Z');
  const step = 86_400_000 / args.count;
  // a track is one object followed by one camera: it yields about five events
  const tracks: Array<{ id: string; camera: CameraRecord; analyticType: string }> = [];
  for (let n = 0; n < args.count; n++) {
    if (tracks.length < 50 || random() < 0.2) {
      const camera = random() < 0.05 ? args.cameras[0] : pick(args.cameras);
      tracks.push({ id: `trk-${camera.cameraId}-${n}`, camera, analyticType: pick(analytics) });
      if (tracks.length > 200) {
        tracks.shift();
      }
    }
    const {
      id: trackId,
      camera,
      analyticType,
    } = tracks[tracks.length - 1 - Math.floor(random() * Math.min(50, tracks.length))];
    const event: DetectionData = {
      eventId: `det-${String(n).padStart(7, '0')}`,
      occurredAt: new Date(start + Math.floor(n * step)).toISOString(),
      cameraId: random() < 0.01 ? 'cam-unregistered' : camera.cameraId,
      siteId: camera.siteId,
      zone: `${camera.zoneType}-${camera.cameraId}`,
      // the precision cameras send: 6 decimals of a degree, 4 of a frame, 3 of a probability
      geo: { lat: fixed(-12.09 - random() * 0.05, 6), lon: fixed(-77.03 - random() * 0.05, 6) },
      analyticType,
      objectClass: OBJECT_CLASS[analyticType] ?? 'person',
      confidence: fixed(0.4 + random() * 0.6, 3),
      boundingBox: { x: fixed(random() * 0.5, 4), y: fixed(random() * 0.5, 4), w: 0.1, h: 0.3 },
      trackId,
      snapshot: {
        ref: `s3://tamiz-evidence/2026/03/16/det-${n}.jpg`,
        boxes: [{ x: 0.4, y: 0.2, w: 0.05, h: 0.08, kind: 'face' }],
      },
      vendor: { kind: 'hikvision-isapi', eventType: analyticType, model: 'DS-2CD7A' },
    };
    decorate({ event, random, pick, n });
    yield event;
  }
}

function decorate(args: {
  event: DetectionData;
  random: () => number;
  pick: <T>(values: readonly T[]) => T;
  n: number;
}): void {
  const { event, random, pick } = args;
  if (event.objectClass === 'vehicle') {
    event.attributes = {
      vehicle: { type: 'car', make: 'toyota', model: 'yaris', color: pick(COLORS) },
    };
    event.identifiers = {
      plate: {
        value: `A${String(args.n % 5000).padStart(4, '0')}B`,
        country: 'PE',
        confidence: 0.93,
      },
      faceMatch: null,
    };
  } else if (event.objectClass === 'face') {
    event.identifiers = {
      plate: null,
      faceMatch: {
        subjectRef: `wl-${args.n % 300}`,
        watchlist: 'requisitoria-judicial',
        similarity: 0.95,
      },
    };
  } else if (event.objectClass === 'crowd') {
    event.attributes = { crowd: { count: Math.floor(random() * 400), level: 'medium' } };
  } else {
    event.attributes = {
      person: {
        ageBand: '30-45',
        gender: pick(['female', 'male']),
        clothing: {
          upper: { type: 'jacket', color: pick(COLORS) },
          lower: { type: 'trousers', color: pick(COLORS) },
          hat: random() < 0.3,
        },
        carrying: random() < 0.5 ? ['backpack'] : [],
        // one vendor in a hundred events sends what no purpose may receive
        ...(random() < 0.01 ? { ethnicity: 'x' } : {}),
      },
    };
  }
}
