import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GovernedRun } from './support/governed-run';
import { buildScenario } from './support/scenario';
import { verifyRun } from './support/verify-run';
import { waitFor } from '../utils/kafka';

const LOCAL_KAFKA = join(__dirname, '..', '..', 'scripts', 'local-kafka.mjs');

describe('governor across a broker restart', () => {
  const run = new GovernedRun();
  beforeAll(() => run.setUp());
  afterAll(() => run.tearDown());

  const stateFile = process.env.TAMIZ_KAFKA_STATE;
  // Only a broker this test run started can be restarted; an external cluster (KAFKA_BROKERS
  // given by the user) is not ours to bounce.
  (stateFile ? it : it.skip)(
    'should reconnect and end with the same counts',
    () =>
      run.explained(async () => {
        const scenario = buildScenario();
        await run.produce(scenario);
        const governor = await run.startGovernor({
          TAMIZ_MAX_RECORDS_PER_TXN: '7',
        });
        await waitFor({
          what: 'the governor to be mid-run',
          timeoutMs: 90_000,
          intervalMs: 20,
          check: async () => (await governor.stats()).consumed >= 100,
        });
        // the restart must land mid-run, with records still to govern
        expect((await governor.stats()).consumed).toBeLessThan(scenario.length);
        await promisify(execFile)(process.execPath, [LOCAL_KAFKA, 'restart', stateFile as string], {
          timeout: 120_000,
        });
        await run.waitUntilGoverned(180_000);
        verifyRun(scenario, await run.readOutputs(scenario));
        expect(governor.child.exitCode).toBeNull();
        // Once more with the governor idle: no commit will follow to show the broker is back, and
        // readiness must still see it (librdkafka says "all brokers down", never "up again").
        await promisify(execFile)(process.execPath, [LOCAL_KAFKA, 'restart', stateFile as string], {
          timeout: 120_000,
        });
        await waitFor({
          what: 'the governor to be ready again',
          timeoutMs: 30_000,
          check: async () => (await fetch(`${governor.url}/health/ready`)).status === 200,
        });
      }),
    420_000,
  );
});
