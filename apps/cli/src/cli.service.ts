import { ConfigError, assertUnreachable } from '@lib/common';
import { loadCliConfig } from './cli.config';
import { parseCliArgs } from './cli-args.util';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliOutput } from './cli-output';
import { CLI_USAGE } from './cli-usage';
import { runSimulate } from './simulate/simulate.service';
import { runPolicyLint } from './policy-lint.service';
import { runPolicyTest } from './policy-test.service';
import { runUsersCreate } from './users-create.service';

/** Dispatches one `tamiz` invocation and returns its exit code; never calls process.exit. */
export async function runCli(args: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  output: CliOutput;
}): Promise<number> {
  const { output } = args;
  const command = parseCliArgs(args.argv);
  switch (command.kind) {
    case 'help':
      output.out(CLI_USAGE);
      return EXIT_OK;
    case 'usage-error':
      output.err(`${command.es} / ${command.en}\n`);
      output.err(CLI_USAGE);
      return EXIT_USAGE;
    case 'lint':
      return runPolicyLint({ policyFile: command.policyFile, output });
    case 'test': {
      let pseudonymSecret: Buffer;
      try {
        pseudonymSecret = loadCliConfig(args.env).pseudonymSecret;
      } catch (error) {
        if (error instanceof ConfigError) {
          output.err(error.message);
          return EXIT_FAILURE;
        }
        throw error;
      }
      return runPolicyTest({ ...command, pseudonymSecret, output });
    }
    case 'simulate':
      return runSimulate({ options: command.options, env: args.env, output });
    case 'users-create':
      return runUsersCreate({ ...command, env: args.env, output });
    default:
      return assertUnreachable(command);
  }
}
