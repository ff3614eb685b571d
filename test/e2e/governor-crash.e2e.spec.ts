import { randomInt } from 'node:crypto';
import { GovernedRun } from './support/governed-run';
import { buildScenario } from './support/scenario';
import { verifyRun } from './support/verify-run';
import { waitFor } from '../utils/kafka';

describe('governor under SIGKILL', () => {
  const run = new GovernedRun();
  beforeAll(() => run.setUp());
  afterAll(() => run.tearDown());

  it(
    'should lose and duplicate nothing when killed at random points and restarted',
    () =>
      run.explained(async () => {
        const scenario = buildScenario();
        await run.produce(scenario);
        // Small transactions stretch the run over many commits, so each kill lands mid-stream with
        // transactions open.
        const env = { TAMIZ_MAX_RECORDS_PER_TXN: '7' };
        // The first two processes take fresh transactional ids (the default): a successor waits
        // until the broker aborts the open transaction of the killed one. The last two pin the same
        // id, as a replica with a stable identity would: the successor aborts it at once, by
        // initialising it.
        const pinned = { ...env, TAMIZ_TRANSACTIONAL_ID: `${run.groupId}.replica-1` };
        let kills = 0;
        while (kills < 3) {
          const governor = await run.startGovernor(kills < 2 ? env : pinned);
          const target = randomInt(20, 120);
          await waitFor({
            what: `the governor to commit ${target} records`,
            timeoutMs: 90_000,
            intervalMs: 20,
            check: async () => (await governor.stats()).consumed >= target,
          });
          expect((await governor.stats()).consumed).toBeLessThan(scenario.length);
          await governor.kill('SIGKILL');
          kills += 1;
        }
        await run.startGovernor(pinned);
        await run.waitUntilGoverned(180_000);
        verifyRun(scenario, await run.readOutputs(scenario));
      }),
    420_000,
  );
});
