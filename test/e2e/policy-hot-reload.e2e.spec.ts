import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { POLICY_BUNDLE_KEY, POLICY_BUNDLE_TYPE } from '@lib/contracts';
import { policyHash, signPolicyBundle } from '@lib/policy';
import type { GovernorProcess } from '../utils/governor-process';
import { waitFor } from '../utils/kafka';
import { GovernedRun } from './support/governed-run';
import { buildScenario, type ScenarioRecord } from './support/scenario';
import { verifyRun } from './support/verify-run';

const POLICY_FILE = join(__dirname, 'fixtures', 'e2e.policy.yaml');

interface PolicyStatus {
  source: string;
  sequence: number;
  policy: { version: string } | null;
  rejectedBundles: number;
}

async function policyStatus(governor: GovernorProcess): Promise<PolicyStatus> {
  return (await (await fetch(`${governor.url}/health/policy`)).json()) as PolicyStatus;
}

/** The same rules under a new version: counts stay those of the scenario, versions tell apart. */
function bundle(args: { version: string; sequence: number; key: KeyObject }) {
  const document = parseYaml(readFileSync(POLICY_FILE, 'utf8')) as {
    metadata: { version: string };
  };
  document.metadata.version = args.version;
  return signPolicyBundle(
    {
      schema: POLICY_BUNDLE_TYPE,
      sequence: args.sequence,
      policyId: 'e2e-policy',
      version: args.version,
      hash: policyHash(document),
      activatedAt: '2026-11-26T18:00:00Z',
      authoredBy: 'dpo-autora',
      approvedBy: 'dpo-revisor',
      document,
    },
    { keyId: 'k1', privateKey: args.key },
  );
}

/** A deterministic interleaving, so that every part holds events of every camera and kind. */
function interleave(records: ScenarioRecord[]): ScenarioRecord[] {
  return records
    .map((r, i) => ({ r, k: (i * 7_919) % 1_009 }))
    .sort((a, b) => a.k - b.k)
    .map(({ r }) => r);
}

describe('policy hot reload (real broker, two governors)', () => {
  const run = new GovernedRun();
  const dir = mkdtempSync(join(tmpdir(), 'tamiz-keys-'));
  const keys = generateKeyPairSync('ed25519');
  const intruder = generateKeyPairSync('ed25519');
  const publicKeyFile = join(dir, 'k1.pem');
  writeFileSync(publicKeyFile, keys.publicKey.export({ type: 'spki', format: 'pem' }));

  beforeAll(() => run.setUp());
  afterAll(async () => {
    await run.tearDown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('switches every governor to a signed bundle while events flow, once per partition, losing and doubling nothing; refuses a forged one', async () => {
    const scenario = interleave(buildScenario());
    const [first, second, third] = [
      scenario.slice(0, 400),
      scenario.slice(400, 700),
      scenario.slice(700),
    ];
    const env = { TAMIZ_POLICY_PUBLIC_KEYS: `k1=${publicKeyFile}` };
    const governors = [await run.startGovernor(env), await run.startGovernor(env)];
    for (const g of governors) {
      expect(await policyStatus(g)).toMatchObject({ source: 'file', policy: { version: '1' } });
    }
    await run.produce(first);
    await run.waitUntilGoverned(120_000);

    // activation while the second part is being produced
    const producing = (async () => {
      for (let i = 0; i < second.length; i += 50) {
        await run.produce(second.slice(i, i + 50));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const producer = run.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const published = performance.now();
    await producer.send({
      topic: run.topic('policies.v1'),
      messages: [
        {
          key: POLICY_BUNDLE_KEY,
          value: JSON.stringify(bundle({ version: '2', sequence: 1, key: keys.privateKey })),
        },
      ],
    });
    await waitFor({
      what: 'every governor on version 2',
      timeoutMs: 30_000,
      intervalMs: 20,
      check: async () =>
        (await Promise.all(governors.map(policyStatus))).every((s) => s.policy?.version === '2'),
    });
    const reloadMs = performance.now() - published;
    await producing;

    // a forged bundle (signed by a key the governors do not trust) changes nothing
    await producer.send({
      topic: run.topic('policies.v1'),
      messages: [
        {
          key: POLICY_BUNDLE_KEY,
          value: JSON.stringify(bundle({ version: '3', sequence: 2, key: intruder.privateKey })),
        },
      ],
    });
    await producer.disconnect();
    await waitFor({
      what: 'the forged bundle refused by every governor',
      timeoutMs: 30_000,
      check: async () =>
        (await Promise.all(governors.map(policyStatus))).every((s) => s.rejectedBundles === 1),
    });
    await run.produce(third);
    await run.waitUntilGoverned(120_000);

    const out = await run.readOutputs(scenario);
    verifyRun(scenario, out); // nothing lost, nothing doubled
    for (const g of governors) {
      expect(await policyStatus(g)).toMatchObject({ source: 'bundle', sequence: 1 });
      expect(g.output()).toContain('"msg":"policy bundle refused; the policy in force stays"');
      expect(g.output()).toContain('"code":"bundle_bad_signature"');
    }

    // per input partition, in input order: version 1, then version 2, switching exactly once
    const byPartition = new Map<string, Array<{ offset: bigint; version: string }>>();
    for (const d of out.decisions) {
      const [offset, partition] = d.headers['tamiz-source'].split(':').reverse();
      const list = byPartition.get(partition) ?? [];
      list.push({ offset: BigInt(offset), version: d.payload.policy?.version ?? 'none' });
      byPartition.set(partition, list);
    }
    const thirdIds = new Set(third.map((r) => r.eventId));
    const firstIds = new Set(first.map((r) => r.eventId));
    expect(byPartition.size).toBeGreaterThan(1);
    for (const list of byPartition.values()) {
      list.sort((a, b) => (a.offset < b.offset ? -1 : 1));
      const switches = list.filter((d, i) => i > 0 && d.version !== list[i - 1].version).length;
      expect(list[0].version).toBe('1');
      expect(list[list.length - 1].version).toBe('2');
      expect(switches).toBe(1);
    }
    const versionsOf = (ids: Set<string | null>) =>
      new Set(
        out.decisions
          .filter((d) => ids.has(d.payload.eventId))
          .map((d) => d.payload.policy?.version),
      );
    expect(versionsOf(firstIds)).toEqual(new Set(['1']));
    expect(versionsOf(thirdIds)).toEqual(new Set(['2']));
    process.stdout.write(
      `policy hot reload: every governor switched in ${Math.round(reloadMs)} ms\n`,
    );
  }, 300_000);
});
