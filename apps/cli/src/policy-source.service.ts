import { PolicyError, parsePolicyText } from '@lib/policy';
import type { CliOutput } from './cli-output';
import { formatIssue } from './format-issue.util';
import { dataTextFormat } from './parse-data-text.util';
import type { PolicyFilesRepository } from './policy-files.repository';

/**
 * Reads and parses a policy file. Read and syntax problems are reported here (the caller only
 * learns that there is no document), so lint and test print them the same way.
 */
export async function readPolicyDocument(args: {
  policyFile: string;
  files: PolicyFilesRepository;
  output: CliOutput;
}): Promise<{ ok: true; doc: unknown } | { ok: false }> {
  const { policyFile, files, output } = args;
  let text: string;
  try {
    text = await files.readText(policyFile);
  } catch (error) {
    output.err(`No se puede leer / cannot read ${policyFile}: ${(error as Error).message}`);
    return { ok: false };
  }
  try {
    return { ok: true, doc: parsePolicyText(text, dataTextFormat(policyFile)) };
  } catch (error) {
    if (!(error instanceof PolicyError)) {
      throw error;
    }
    output.out(`${policyFile}: texto mal formado / malformed text`);
    error.issues.forEach((issue) => output.out(formatIssue(issue)));
    return { ok: false };
  }
}
