import { parseSimulateArgs, type SimulateArgs } from './simulate/simulate-args.util';
import { USER_ROLES, type UserRole } from '@lib/persistence';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'lint'; policyFile: string }
  | { kind: 'test'; policyFile: string; fixturesDir: string }
  | { kind: 'users-create'; role: UserRole; name: string; expiresInDays: number }
  | { kind: 'simulate'; options: SimulateArgs }
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
  if (group === 'users') {
    return parseUsersArgs(command, rest);
  }
  if (group === 'simulate') {
    const parsed = parseSimulateArgs(argv.slice(1));
    return parsed.ok
      ? { kind: 'simulate', options: parsed.args }
      : usageError(parsed.es, parsed.en);
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

/** `users create --role ROLE --name NAME [--expires-days N]` */
function parseUsersArgs(command: string | undefined, rest: string[]): CliCommand {
  if (command !== 'create') {
    return usageError(
      `subcomando desconocido: users ${command ?? ''}`.trim(),
      `unknown subcommand: users ${command ?? ''}`.trim(),
    );
  }
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (!['--role', '--name', '--expires-days'].includes(flag)) {
      return usageError(`opción desconocida: ${flag}`, `unknown option: ${flag}`);
    }
    if (value === undefined || value.startsWith('--')) {
      return usageError(`falta el valor de ${flag}`, `missing value for ${flag}`);
    }
    options.set(flag, value);
  }
  const role = options.get('--role');
  const name = options.get('--name');
  if (role === undefined || !(USER_ROLES as readonly string[]).includes(role)) {
    return usageError(
      `--role debe ser ${USER_ROLES.join(', ')}`,
      `--role must be ${USER_ROLES.join(', ')}`,
    );
  }
  if (name === undefined || name.trim() === '' || name.length > 200) {
    return usageError(
      '--name es obligatorio (1-200 caracteres)',
      '--name is required (1-200 characters)',
    );
  }
  const days = options.get('--expires-days') ?? '90';
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1) {
    return usageError(
      '--expires-days debe ser un entero positivo',
      '--expires-days must be a positive integer',
    );
  }
  return {
    kind: 'users-create',
    role: role as UserRole,
    name: name.trim(),
    expiresInDays: Number(days),
  };
}
