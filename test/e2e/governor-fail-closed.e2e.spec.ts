import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GovernedRun } from './support/governed-run';
import { buildScenario } from './support/scenario';
import { readTopic } from '../utils/kafka';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'governor', 'src', 'main.js');

describe('governor without a policy (fail closed)', () => {
  const run = new GovernedRun();
  beforeAll(() => run.setUp());
  afterAll(() => run.tearDown());

  it('should not be ready, forward nothing, and say why in every decision', async () => {
    const events = buildScenario()
      .filter((r) => r.expect.kind === 'forward')
      .slice(0, 30);
    await run.produce(events);
    const governor = await run.startGovernor({ TAMIZ_POLICY_FILE: '' });

    const ready = await fetch(`${governor.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, checks: { policy: false } });
    expect((await fetch(`${governor.url}/health/live`)).status).toBe(200);

    await run.waitUntilGoverned(60_000);
    const decisions = await readTopic({
      kafka: run.kafka,
      topic: run.topic('decisions.v1'),
      expected: events.length,
      timeoutMs: 60_000,
    });
    expect(decisions).toHaveLength(events.length);
    for (const message of decisions) {
      const decision = JSON.parse(message.value.toString()) as {
        verdict: string;
        policy: unknown;
        reasons: Array<{ code: string; es: string; en: string }>;
      };
      expect(decision.verdict).toBe('suppress');
      expect(decision.policy).toBeNull();
      expect(decision.reasons[0]).toMatchObject({ code: 'policy.none' });
      expect(decision.reasons[0].es.length).toBeGreaterThan(0);
    }
    const alerts = await readTopic({
      kafka: run.kafka,
      topic: run.topic('alerts.lawful.v1'),
      expected: 0,
      timeoutMs: 10_000,
    });
    expect(alerts).toHaveLength(0);
  }, 180_000);
});

describe('governor with a bad configuration', () => {
  it('should stop at start with one message naming every bad key', async () => {
    const failure = await promisify(execFile)(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        KAFKA_BROKERS: 'no-port-here',
        TAMIZ_LOG_LEVEL: 'loud',
        TAMIZ_MAX_EVENT_BYTES: 'big',
        DATABASE_URL: 'mysql://tamiz:s3cret@db/tamiz',
      },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(78);
    for (const key of [
      'KAFKA_BROKERS',
      'TAMIZ_LOG_LEVEL',
      'TAMIZ_MAX_EVENT_BYTES',
      'DATABASE_URL',
    ]) {
      expect(failure?.stderr).toContain(key);
    }
    expect(failure?.stderr).not.toContain('s3cret');
  });
});
