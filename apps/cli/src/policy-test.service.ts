import { basename } from 'node:path';
import { PolicyError, compilePolicy, type PolicyEvaluator } from '@lib/policy';
import { hkdfKeyring } from '@lib/redaction';
import { EXIT_FAILURE, EXIT_OK, type CliOutput } from './cli-output';
import { formatIssue } from './format-issue.util';
import { matchFixture, type EvaluationResult } from './match-fixture.util';
import { dataTextFormat, parseDataText } from './parse-data-text.util';
import { parseFixture } from './parse-fixture.util';
import type { FixtureMismatch, PolicyFixture } from './policy-fixture';
import { PolicyFilesRepository } from './policy-files.repository';
import { readPolicyDocument } from './policy-source.service';

interface FixtureOutcome {
  passed: boolean;
  lines: string[];
}

/**
 * `tamiz policy test FILE FIXTURES_DIR`, in the spirit of `opa test`: one PASS/FAIL line per
 * fixture (a FAIL lists what differs), then `N passed, M failed`; exit 1 on any failure.
 */
export async function runPolicyTest(args: {
  policyFile: string;
  fixturesDir: string;
  pseudonymSecret: Buffer;
  output: CliOutput;
  files?: PolicyFilesRepository;
}): Promise<number> {
  const { policyFile, fixturesDir, output } = args;
  const files = args.files ?? new PolicyFilesRepository();
  const source = await readPolicyDocument({ policyFile, files, output });
  if (!source.ok) {
    return EXIT_FAILURE;
  }
  // The engine reads time from the event; should it ever ask the injected clock, the clock
  // answers with the time of the event being evaluated, so no run depends on the wall clock.
  let eventTime = '1970-01-01T00:00:00.000Z';
  let evaluator: PolicyEvaluator;
  try {
    evaluator = compilePolicy(source.doc, {
      keyring: hkdfKeyring(args.pseudonymSecret),
      now: () => new Date(eventTime),
    });
  } catch (error) {
    if (!(error instanceof PolicyError)) {
      throw error;
    }
    output.out(`${policyFile}: política inválida / invalid policy`);
    error.issues.forEach((issue) => output.out(formatIssue(issue)));
    return EXIT_FAILURE;
  }
  let fixtureFiles: string[];
  try {
    fixtureFiles = await files.listFixtureFiles(fixturesDir);
  } catch (error) {
    output.err(`No se puede leer / cannot read ${fixturesDir}: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  if (fixtureFiles.length === 0) {
    output.err(`Sin casos en / no fixtures in ${fixturesDir} (*.yaml, *.yml, *.json)`);
    return EXIT_FAILURE;
  }
  let passed = 0;
  for (const file of fixtureFiles) {
    const outcome = await runFixture({
      file,
      files,
      evaluate: (fixture) => {
        eventTime = fixture.event.occurredAt;
        return evaluator.evaluate({ event: fixture.event, camera: fixture.camera });
      },
    });
    outcome.lines.forEach((line) => output.out(line));
    passed += outcome.passed ? 1 : 0;
  }
  const failed = fixtureFiles.length - passed;
  output.out(`${passed} correcto(s), ${failed} fallido(s) / ${passed} passed, ${failed} failed`);
  return failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

async function runFixture(args: {
  file: string;
  files: PolicyFilesRepository;
  evaluate: (fixture: PolicyFixture) => EvaluationResult;
}): Promise<FixtureOutcome> {
  const label = basename(args.file);
  const fail = (name: string, details: string[]): FixtureOutcome => ({
    passed: false,
    lines: [`FAIL ${label} — ${name}`, ...details.map((d) => `    ${d}`)],
  });
  let text: string;
  try {
    text = await args.files.readText(args.file);
  } catch (error) {
    return fail('ilegible / unreadable', [(error as Error).message]);
  }
  const data = parseDataText(text, dataTextFormat(args.file));
  if (!data.ok) {
    return fail('texto mal formado / malformed text', [data.problem]);
  }
  const parsed = parseFixture(data.value);
  if (!parsed.ok) {
    return fail('caso inválido / invalid fixture', parsed.problems);
  }
  const { fixture } = parsed;
  let evaluation: EvaluationResult;
  try {
    evaluation = args.evaluate(fixture);
  } catch (error) {
    return fail(fixture.name, [`la evaluación falló / evaluation threw: ${String(error)}`]);
  }
  const mismatches = matchFixture({ expect: fixture.expect, evaluation });
  if (mismatches.length === 0) {
    return { passed: true, lines: [`PASS ${label} — ${fixture.name}`] };
  }
  const reasons = evaluation.decision.reasons.map((r) => r.code).join(', ');
  return fail(fixture.name, [
    ...mismatches.map(formatMismatch),
    `(decisión / decision: ${evaluation.decision.verdict}; razones / reasons: ${reasons})`,
  ]);
}

function formatMismatch(m: FixtureMismatch): string {
  return `${m.at}: esperado / expected ${m.expected} · obtenido / actual ${m.actual}`;
}
