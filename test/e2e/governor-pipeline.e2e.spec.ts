import { GovernedRun } from './support/governed-run';
import { buildScenario } from './support/scenario';
import { verifyRun } from './support/verify-run';

describe('governor pipeline (real Kafka broker, real SQLite)', () => {
  const run = new GovernedRun();
  beforeAll(() => run.setUp());
  afterAll(() => run.tearDown());

  it('should forward exactly the lawful events, decide every valid one and dead-letter the rest', async () => {
    const scenario = buildScenario();
    await run.produce(scenario);
    await run.startGovernor();
    await run.waitUntilGoverned(120_000);
    verifyRun(scenario, await run.readOutputs(scenario));
  }, 240_000);
});
