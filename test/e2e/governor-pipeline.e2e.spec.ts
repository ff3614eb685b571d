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
    const governor = await run.startGovernor();
    await run.waitUntilGoverned(120_000);
    verifyRun(scenario, await run.readOutputs(scenario));

    const ready = await fetch(`${governor.url}/health/ready`);
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: { broker: true, policy: true },
    });
    const runtime = (await (await fetch(`${governor.url}/health/runtime`)).json()) as {
      transport: {
        records: number;
        aborted: number;
        producersReplaced: number;
        consumersReplaced: number;
      };
      eventLoopDelayMs: { current: { p99: number } };
      governanceWorkersBusy: number[];
    };
    expect(runtime.transport.records).toBe(scenario.length);
    expect(runtime.transport.aborted).toBe(0);
    expect(runtime.transport.producersReplaced).toBe(0);
    expect(runtime.transport.consumersReplaced).toBe(0);
    expect(runtime.eventLoopDelayMs.current.p99).toBeGreaterThan(0);
    expect(runtime.governanceWorkersBusy).toHaveLength(1);
    // no personal data in logs: no plate, no face subject, no clothing value reached the output
    const logs = governor.output();
    expect(logs).not.toMatch(/ABC-\d{3}|subj-\d+|casaca|"rojo"/);
    expect(logs).toContain('"msg":"policy loaded"');
  }, 240_000);
});
