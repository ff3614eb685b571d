export type CliCommand =
  | { kind: 'help' }
  | { kind: 'lint'; policyFile: string }
  | { kind: 'test'; policyFile: string; fixturesDir: string }
  | { kind: 'usage-error'; es: string; en: string };

const HELP_FLAGS = ['--help', '-h', 'help'];

/** Reads the arguments after `tamiz`; anything it cannot place is a usage error, never a guess. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  if (argv.some((arg) => HELP_FLAGS.includes(arg))) {
    return { kind: 'help' };
  }
  const [group, command, ...rest] = argv;
  if (group === undefined) {
    return usageError('falta el comando', 'missing command');
  }
  if (group !== 'policy') {
    return usageError(`comando desconocido: ${group}`, `unknown command: ${group}`);
  }
  const options = rest.filter((arg) => arg.startsWith('-'));
  if (options.length > 0) {
    return usageError(`opción desconocida: ${options[0]}`, `unknown option: ${options[0]}`);
  }
  switch (command) {
    case 'lint':
      return rest.length === 1
        ? { kind: 'lint', policyFile: rest[0] }
        : usageError('policy lint espera un ARCHIVO', 'policy lint takes one FILE');
    case 'test':
      return rest.length === 2
        ? { kind: 'test', policyFile: rest[0], fixturesDir: rest[1] }
        : usageError(
            'policy test espera ARCHIVO y DIRECTORIO_DE_CASOS',
            'policy test takes FILE and FIXTURES_DIR',
          );
    case undefined:
      return usageError('falta el subcomando de policy', 'missing policy subcommand');
    default:
      return usageError(
        `subcomando desconocido: policy ${command}`,
        `unknown subcommand: policy ${command}`,
      );
  }
}

function usageError(es: string, en: string): CliCommand {
  return { kind: 'usage-error', es, en };
}
