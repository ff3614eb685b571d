import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { uniqueName } from '../utils/kafka';

const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const MQTT_URL = process.env.TAMIZ_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('tamiz simulate (real Mosquitto)', () => {
  it('publishes the requested number of Frigate and ONVIF payloads, acknowledged by the broker', async () => {
    const received: string[] = [];
    const listener = await connectAsync(MQTT_URL, { clientId: uniqueName('listener') });
    await listener.subscribeAsync(['frigate/#', '+/onvif-mj/#'], { qos: 1 });
    listener.on('message', (topic) => received.push(topic));
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'simulate',
        '--count',
        '40',
        '--rate',
        '400',
        '--seed',
        '3',
        '--formats',
        'frigate-events,onvif-mj',
        '--mqtt',
        MQTT_URL,
        '--kafka',
        'no',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await listener.endAsync();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('enviados/sent mqtt 40');
    expect(received.length).toBeGreaterThanOrEqual(40);
    expect(new Set(received.map((t) => (t.startsWith('frigate/') ? 'frigate' : 'onvif')))).toEqual(
      new Set(['frigate', 'onvif']),
    );
  }, 90_000);
});
