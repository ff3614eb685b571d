import { join } from 'node:path';
import { TEST_PSEUDONYM_SECRET_TEXT } from './cli.config';
import { EXIT_FAILURE, EXIT_OK, type CliOutput } from './cli-output';
import { runPolicyLint } from './policy-lint.service';
import { runPolicyTest } from './policy-test.service';

// The policy templates under policies/ and their fixtures, run as `tamiz policy lint` and
// `tamiz policy test` run them, so `npm test` fails when a template or the engine drifts.
const POLICIES = join(__dirname, '../../../policies');

function collect(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe('policy templates', () => {
  describe.each([
    ['pe-municipal', 15],
    ['eu-gdpr-aia', 8],
  ])('%s', (template, fixtureCount) => {
    const policyFile = join(POLICIES, `${template}.policy.yaml`);

    it('should pass tamiz policy lint', async () => {
      const output = collect();
      const code = await runPolicyLint({ policyFile, output });
      expect(output.lines).toEqual([expect.stringMatching(/^OK /)]);
      expect(code).toBe(EXIT_OK);
    });

    it('should pass every fixture under tamiz policy test', async () => {
      const output = collect();
      const code = await runPolicyTest({
        policyFile,
        fixturesDir: join(POLICIES, 'fixtures', template),
        pseudonymSecret: Buffer.from(TEST_PSEUDONYM_SECRET_TEXT, 'utf8'),
        output,
      });
      // the whole report on failure: which fixture, and what differs
      expect(output.lines.filter((line) => !line.startsWith('PASS '))).toEqual([
        `${fixtureCount} correcto(s), 0 fallido(s) / ${fixtureCount} passed, 0 failed`,
      ]);
      expect(output.errors).toEqual([]);
      expect(code).toBe(EXIT_OK);
    });
  });

  it('should report every problem of the broken policy at its exact path', async () => {
    const output = collect();
    const policyFile = join(POLICIES, 'fixtures/invalid/pe-every-error.policy.yaml');
    const code = await runPolicyLint({ policyFile, output });
    const issueLines = output.lines.slice(0, -1);
    expect(issueLines.map((line) => line.split(' — ')[0]).sort()).toEqual(
      [
        '/metadata/dataBankRegistration',
        '/retention/rawEvidence',
        '/purposes/0/fields/occurredAt/blur',
        '/purposes/0/fields/geo.alt',
        '/purposes/0/fields/attributes.person.ethnicity',
        '/purposes/0/fields/confidence',
        '/purposes/0/fields/identifiers.faceMatch.subjectRef',
        '/purposes/1/legalBasis',
        '/purposes/1/windows/0/to',
        '/purposes/2',
        '/authorisations/0/purposes/0',
        '/authorisations/0/validUntil',
      ].sort(),
    );
    // every issue in both languages, the prohibited one with its citation
    issueLines.forEach((line) => expect(line).toMatch(/^\S+ — .+ \/ .+$/));
    expect(issueLines.find((l) => l.includes('ethnicity'))).toContain('2024/1689 art. 5(1)(g)');
    expect(output.lines.at(-1)).toMatch(/12 problema\(s\), política rechazada/);
    expect(code).toBe(EXIT_FAILURE);
  });
});
