import { parseCliArgs } from './cli-args.util';

describe(parseCliArgs.name, () => {
  it.each([[['--help']], [['-h']], [['help']], [['policy', 'lint', '--help']]])(
    'should ask for help on %j',
    (argv) => {
      expect(parseCliArgs(argv)).toEqual({ kind: 'help' });
    },
  );

  it('should read policy lint FILE', () => {
    expect(parseCliArgs(['policy', 'lint', 'p.yaml'])).toEqual({
      kind: 'lint',
      policyFile: 'p.yaml',
    });
  });

  it('should read policy test FILE FIXTURES_DIR', () => {
    expect(parseCliArgs(['policy', 'test', 'p.yaml', 'fixtures/'])).toEqual({
      kind: 'test',
      policyFile: 'p.yaml',
      fixturesDir: 'fixtures/',
    });
  });

  it.each([
    [[], 'missing command'],
    [['polcy', 'lint', 'p.yaml'], 'unknown command: polcy'],
    [['policy'], 'missing policy subcommand'],
    [['policy', 'check', 'p.yaml'], 'unknown subcommand: policy check'],
    [['policy', 'lint'], 'policy lint takes one FILE'],
    [['policy', 'lint', 'a.yaml', 'b.yaml'], 'policy lint takes one FILE'],
    [['policy', 'test', 'p.yaml'], 'policy test takes FILE and FIXTURES_DIR'],
    [['policy', 'test', 'p.yaml', 'dir', 'extra'], 'policy test takes FILE and FIXTURES_DIR'],
    [['policy', 'lint', '--strict', 'p.yaml'], 'unknown option: --strict'],
  ])('should refuse %j with a usage error', (argv, en) => {
    expect(parseCliArgs(argv)).toMatchObject({ kind: 'usage-error', en });
  });
});

describe('parseCliArgs users create', () => {
  it('should read users create with role, name and expiry', () => {
    expect(
      parseCliArgs([
        'users',
        'create',
        '--role',
        'admin',
        '--name',
        'Ana Admin',
        '--expires-days',
        '7',
      ]),
    ).toEqual({ kind: 'users-create', role: 'admin', name: 'Ana Admin', expiresInDays: 7 });
  });

  it.each([
    [['users', 'create', '--name', 'x'], '--role must be dpo, auditor, operator, admin'],
    [
      ['users', 'create', '--role', 'root', '--name', 'x'],
      '--role must be dpo, auditor, operator, admin',
    ],
    [['users', 'create', '--role', 'admin'], '--name is required (1-200 characters)'],
    [['users', 'create', '--role', 'admin', '--name'], 'missing value for --name'],
    [
      ['users', 'create', '--role', 'admin', '--name', 'x', '--force', 'y'],
      'unknown option: --force',
    ],
    [['users', 'delete'], 'unknown subcommand: users delete'],
  ])('should refuse %j', (argv, en) => {
    expect(parseCliArgs(argv)).toMatchObject({ kind: 'usage-error', en });
  });
});
