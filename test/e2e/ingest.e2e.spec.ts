import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import {
  parseDetection,
  topicName,
  type DeadLetterRecordV1,
  type DetectionEventV1,
} from '@lib/contracts';
import { provisionTopics } from '@lib/kafka';
import { CameraAdminRepository, openDataSource, type CameraFields } from '@lib/persistence';
import { startAppProcess, type GovernorProcess } from '../utils/governor-process';
import { readTopic, testKafka, uniqueName, waitFor } from '../utils/kafka';

const FIXTURES = join(__dirname, '..', '..', 'libs', 'adapters', 'test', 'fixtures');
const fixture = (format: string, name: string) => readFileSync(join(FIXTURES, format, name));
const MQTT_URL = process.env.TAMIZ_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

// Registry cameras that name the vendor devices of the golden fixtures (Frigate `gate_north`,
// the ANPR alert's MAC on channel 1); the DeepStream fixture's sensor is left unregistered.
const registered = (
  camera: Partial<CameraFields> & Pick<CameraFields, 'cameraId'>,
): CameraFields => ({
  name: camera.cameraId,
  district: 'Surco',
  siteId: 'surco-norte',
  zoneType: 'via-publica',
  allowedPurposes: ['vehiculo-requisitoriado'],
  geo: null,
  signageId: null,
  dataBankRegistrationId: null,
  vendorFormat: null,
  vendorDeviceId: null,
  vendorChannel: null,
  ...camera,
});
const GATE_CAMERA = registered({
  cameraId: 'cam-e2e-gate-norte',
  vendorFormat: 'frigate',
  vendorDeviceId: 'gate_north',
});
const ANPR_CAMERA = registered({
  cameraId: 'cam-e2e-anpr-salida',
  siteId: 'surco-sur',
  vendorFormat: 'hikvision-isapi',
  vendorDeviceId: '00:11:22:AA:BB:41',
  vendorChannel: '1',
});

async function register(sqlitePath: string, cameras: CameraFields[]): Promise<void> {
  const dataSource = await openDataSource({ sqlitePath });
  try {
    await new CameraAdminRepository(dataSource).createMany(cameras);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The ingress as deployed: the compiled app, the real Mosquitto, real HTTP, the real broker.
 * Golden adapter fixtures go in over each transport; the raw topic must hold exactly their
 * canonical events, the dead-letter topic exactly the broken payloads, byte for byte.
 */
describe('ingest (real Mosquitto, HTTP and Kafka)', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  const prefix = `${uniqueName('ingest')}.`;
  const mqttRoot = uniqueName('site');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'tamiz-evidence-'));
  const registryDir = mkdtempSync(join(tmpdir(), 'tamiz-registry-'));
  const sqlitePath = join(registryDir, 'tamiz.sqlite');
  let ingest: GovernorProcess;

  beforeAll(async () => {
    await admin.connect();
    await provisionTopics({ admin, naming: { prefix } });
    await register(sqlitePath, [GATE_CAMERA]);
    ingest = await startAppProcess({
      app: 'ingest',
      env: {
        KAFKA_BROKERS: process.env.KAFKA_BROKERS as string,
        TAMIZ_TOPIC_PREFIX: prefix,
        TAMIZ_INGEST_GROUP_ID: `${prefix}ingest`,
        TAMIZ_CLIENT_ID: uniqueName('ingest-client'),
        TAMIZ_MQTT_URL: MQTT_URL,
        TAMIZ_MQTT_TOPICS: `${mqttRoot}/frigate/events,${mqttRoot}/+/onvif-mj/#`,
        TAMIZ_INGEST_HTTP_PORT: '0',
        TAMIZ_EVIDENCE_DIR: evidenceDir,
        TAMIZ_SQLITE_PATH: sqlitePath,
        TAMIZ_CAMERA_REFRESH_MS: '1000',
      },
    });
  }, 90_000);

  afterAll(async () => {
    await ingest?.kill('SIGTERM');
    await admin.disconnect();
    rmSync(evidenceDir, { recursive: true, force: true });
    rmSync(registryDir, { recursive: true, force: true });
  });

  it('turns Frigate (MQTT), Hikvision (HTTP multipart) and DeepStream (Kafka) payloads into canonical events, images into evidence, and broken ones into dead letters', async () => {
    // a camera registered while the ingress runs is resolved after the next registry refresh
    await register(sqlitePath, [ANPR_CAMERA]);
    await waitFor({
      what: 'the ingress to re-read the camera registry',
      timeoutMs: 30_000,
      check: async () => {
        const stats = (await (await fetch(`${ingest.url}/health/stats`)).json()) as {
          cameras: { vendorCameras: number };
        };
        return stats.cameras.vendorCameras === 2;
      },
    });

    // MQTT: a valid Frigate event and a broken one, QoS 1
    const frigate = fixture('frigate', 'valid/events-new-car-plate.payload.json');
    const brokenFrigate = Buffer.from('{"type":"new","after":');
    const client = await connectAsync(MQTT_URL, { clientId: uniqueName('cam') });
    await client.publishAsync(`${mqttRoot}/frigate/events`, frigate, { qos: 1 });
    await client.publishAsync(`${mqttRoot}/frigate/events`, brokenFrigate, { qos: 1 });
    await client.endAsync();

    // HTTP: an ANPR alert with the two JPEGs it names, and an alert that is not XML at all
    const form = new FormData();
    const xml = fixture('hikvision', 'valid/anpr-xml.payload.xml');
    form.append('ANPR', new Blob([xml], { type: 'application/xml' }), 'ANPR.xml');
    for (const [name, file] of [
      ['licensePlatePicture.jpg', 'valid/anpr-xml.plate.jpg'],
      ['detectionPicture.jpg', 'valid/anpr-xml.scene.jpg'],
    ]) {
      form.append(name, new Blob([fixture('hikvision', file)], { type: 'image/jpeg' }), name);
    }
    const ok = await fetch(`${ingest.url}/isapi/events`, { method: 'POST', body: form });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ published: 1, duplicates: 0 });

    const brokenXml = Buffer.from('<EventNotificationAlert><eventType>ANPR');
    const bad = await fetch(`${ingest.url}/isapi/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: brokenXml,
    });
    expect(bad.status).toBe(400);
    const refused = (await bad.json()) as { issues: Array<{ code: string }> };
    expect(refused.issues[0].code).toBe('invalid_xml');

    const unsupported = await fetch(`${ingest.url}/isapi/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hola',
    });
    expect(unsupported.status).toBe(415);

    // Kafka: DeepStream's own topic, read exactly once by the ingress
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName('detections.deepstream.v1', { prefix }),
      messages: [
        { key: 'cam', value: fixture('deepstream', 'valid/full-person-entry.payload.json') },
      ],
    });
    await producer.disconnect();

    const raw = await readTopic({
      kafka,
      topic: topicName('detections.raw.v1', { prefix }),
      expected: 3,
      timeoutMs: 60_000,
    });
    expect(raw).toHaveLength(3);
    const events = raw.map((m) => {
      const parsed = parseDetection(m.value, { maxBytes: 1_048_576 });
      expect(parsed.ok).toBe(true);
      return (parsed as { event: DetectionEventV1 }).event;
    });
    expect(events.map((e) => e.data.vendor?.kind).sort()).toEqual([
      'deepstream',
      'frigate',
      'hikvision-isapi',
    ]);
    expect(raw.map((m) => m.key)).toEqual(events.map((e) => e.data.cameraId));
    // vendor devices the registry names arrive as its cameras; an unregistered one keeps its id
    const byVendor = new Map(events.map((e) => [e.data.vendor?.kind, e.data]));
    expect(byVendor.get('frigate')).toMatchObject({
      cameraId: 'cam-e2e-gate-norte',
      siteId: 'surco-norte',
    });
    expect(byVendor.get('hikvision-isapi')).toMatchObject({
      cameraId: 'cam-e2e-anpr-salida',
      siteId: 'surco-sur',
    });
    expect(byVendor.get('deepstream')?.cameraId).toBe('cam-gate-b-02');
    // the ANPR pictures went to the evidence store; the event carries a reference only
    const anpr = events.find((e) => e.data.vendor?.kind === 'hikvision-isapi');
    expect(anpr?.data.snapshot?.ref).toBe(`tamiz-evidence:${anpr?.id}`);
    expect(JSON.stringify(anpr)).not.toContain('dataBase64');
    expect(readdirSync(evidenceDir, { recursive: true }).length).toBeGreaterThan(0);

    const dlq = await readTopic({
      kafka,
      topic: topicName('detections.dlq.v1', { prefix }),
      expected: 2,
      timeoutMs: 60_000,
    });
    const letters = dlq.map((m) => JSON.parse(m.value.toString()) as DeadLetterRecordV1);
    const bySource = new Map(letters.map((l) => [JSON.stringify(l.source), l]));
    const mqttLetter = bySource.get(
      JSON.stringify({
        transport: 'mqtt',
        channel: `${mqttRoot}/frigate/events`,
        format: 'frigate',
        contentType: null,
      }),
    );
    expect(Buffer.from(mqttLetter?.originalBase64 ?? '', 'base64')).toEqual(brokenFrigate);
    const httpLetter = bySource.get(
      JSON.stringify({
        transport: 'http',
        channel: '/isapi/events',
        format: 'hikvision',
        contentType: 'application/xml',
      }),
    );
    expect(Buffer.from(httpLetter?.originalBase64 ?? '', 'base64')).toEqual(brokenXml);
    expect(httpLetter?.errors[0].code).toBe('invalid_xml');

    const stats = (await (await fetch(`${ingest.url}/health/stats`)).json()) as Record<
      string,
      unknown
    >;
    expect(stats).toMatchObject({
      published: 3,
      deadLettered: 2,
      images: 1,
      cameras: { vendorCameras: 2, resolved: 2, unresolved: 1 },
    });
    // no plate or face of the fixtures reached the logs
    expect(ingest.output()).not.toMatch(/TEST451|enrolled-/);
  }, 180_000);
});
