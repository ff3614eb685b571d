import { policyHash, validatePolicy } from '@lib/policy';
import { EXIT_FAILURE, EXIT_OK, type CliOutput } from './cli-output';
import { formatIssue } from './format-issue.util';
import { PolicyFilesRepository } from './policy-files.repository';
import { readPolicyDocument } from './policy-source.service';

/** `tamiz policy lint FILE`: every issue, one per line; exit 1 when there is any. */
export async function runPolicyLint(args: {
  policyFile: string;
  output: CliOutput;
  files?: PolicyFilesRepository;
}): Promise<number> {
  const { policyFile, output } = args;
  const source = await readPolicyDocument({
    policyFile,
    output,
    files: args.files ?? new PolicyFilesRepository(),
  });
  if (!source.ok) {
    return EXIT_FAILURE;
  }
  const issues = validatePolicy(source.doc);
  if (issues.length > 0) {
    issues.forEach((issue) => output.out(formatIssue(issue)));
    output.out(
      `${policyFile}: ${issues.length} problema(s), política rechazada / ${issues.length} issue(s), policy rejected`,
    );
    return EXIT_FAILURE;
  }
  // valid, so metadata.id and metadata.version are strings
  const { id, version } = (source.doc as { metadata: { id: string; version: string } }).metadata;
  const hash = policyHash(source.doc).slice(0, 12);
  output.out(
    `OK ${policyFile}: política válida / valid policy (${id} ${version}, sha256 ${hash}…)`,
  );
  return EXIT_OK;
}
