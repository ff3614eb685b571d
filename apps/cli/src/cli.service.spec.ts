import { join } from 'node:path';
import { runCli } from './cli.service';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliOutput } from './cli-output';
import type { PolicyFilesRepository } from './policy-files.repository';
import { runPolicyTest } from './policy-test.service';

const ROOT = join(__dirname, '../../..');
const DEMO_POLICY = join(ROOT, 'policies/demo/lima-demo.policy.yaml');
const DEMO_FIXTURES = join(ROOT, 'policies/fixtures/lima-demo');

function collect(): CliOutput & { out: jest.Mock; err: jest.Mock; lines: () => string[] } {
  const out = jest.fn<void, [string]>();
  const err = jest.fn<void, [string]>();
  return { out, err, lines: () => out.mock.calls.map(([line]) => line) };
}

/** Files held in memory, so failure paths need no fixture directory on disk. */
function memoryFiles(files: Record<string, string>): PolicyFilesRepository {
  return {
    readText: (path: string) =>
      path in files ? Promise.resolve(files[path]) : Promise.reject(new Error(`ENOENT ${path}`)),
    listFixtureFiles: (dir: string) =>
      Promise.resolve(
        Object.keys(files)
          .filter((path) => path.startsWith(`${dir}/`))
          .sort(),
      ),
  };
}

describe(runCli.name, () => {
  it('should print the usage and exit 0 on --help', async () => {
    const output = collect();
    await expect(runCli({ argv: ['--help'], env: {}, output })).resolves.toBe(EXIT_OK);
    expect(output.lines().join('\n')).toContain('tamiz policy test ARCHIVO DIRECTORIO_DE_CASOS');
    expect(output.err).not.toHaveBeenCalled();
  });

  it('should print the problem and the usage on stderr and exit 2 on bad usage', async () => {
    const output = collect();
    await expect(runCli({ argv: ['policy', 'lint'], env: {}, output })).resolves.toBe(EXIT_USAGE);
    expect(output.err).toHaveBeenCalledWith(expect.stringContaining('policy lint takes one FILE'));
    expect(output.err).toHaveBeenCalledWith(expect.stringContaining('Uso / usage:'));
    expect(output.out).not.toHaveBeenCalled();
  });

  it('should lint a valid policy with one OK line and exit 0', async () => {
    const output = collect();
    const code = await runCli({ argv: ['policy', 'lint', DEMO_POLICY], env: {}, output });
    expect(code).toBe(EXIT_OK);
    expect(output.lines()).toEqual([
      expect.stringMatching(/^OK .*política válida \/ valid policy/),
    ]);
  });

  it('should exit 1 when the policy file cannot be read', async () => {
    const output = collect();
    const missing = join(ROOT, 'policies/no-such.policy.yaml');
    await expect(runCli({ argv: ['policy', 'lint', missing], env: {}, output })).resolves.toBe(
      EXIT_FAILURE,
    );
    expect(output.err).toHaveBeenCalledWith(expect.stringContaining('cannot read'));
  });

  it('should run the demo fixtures under the v1 demo policy and exit 0', async () => {
    const output = collect();
    const argv = ['policy', 'test', DEMO_POLICY, DEMO_FIXTURES];
    await expect(runCli({ argv, env: {}, output })).resolves.toBe(EXIT_OK);
    expect(output.lines()).toEqual([
      expect.stringMatching(/^PASS 01-placa-requisitoriada\.yaml — /),
      expect.stringMatching(/^PASS 02-camara-desconocida\.yaml — /),
      expect.stringMatching(/^PASS 03-aforo\.json — /),
      '3 correcto(s), 0 fallido(s) / 3 passed, 0 failed',
    ]);
  });

  it('should refuse a malformed pseudonym secret before running anything', async () => {
    const output = collect();
    const argv = ['policy', 'test', DEMO_POLICY, DEMO_FIXTURES];
    const env = { TAMIZ_PSEUDONYM_SECRET: 'short' };
    await expect(runCli({ argv, env, output })).resolves.toBe(EXIT_FAILURE);
    expect(output.err).toHaveBeenCalledWith(expect.stringContaining('TAMIZ_PSEUDONYM_SECRET=***'));
    expect(output.out).not.toHaveBeenCalled();
  });
});

describe(runPolicyTest.name, () => {
  const run = async (files: Record<string, string>) => {
    const output = collect();
    const code = await runPolicyTest({
      policyFile: 'policy.yaml',
      fixturesDir: 'fx',
      pseudonymSecret: Buffer.alloc(32, 1),
      output,
      files: memoryFiles(files),
    });
    return { code, lines: output.lines(), err: output.err };
  };
  const policy = (text: string) => ({ 'policy.yaml': text });
  const demo = async () => {
    const { readFile } = await import('node:fs/promises');
    return readFile(DEMO_POLICY, 'utf8');
  };

  it('should report a failing fixture with its diff, count it, and exit 1', async () => {
    const { code, lines } = await run({
      ...policy(await demo()),
      'fx/a.yaml': [
        'name: pelea sin cámara',
        'event: { eventId: e1, occurredAt: "2026-03-14T13:05:00Z", cameraId: c9,',
        '  analyticType: fight, objectClass: person, confidence: 0.9 }',
        'camera: null',
        'expect: { verdict: forward, purposes: [delito-en-flagrancia] }',
      ].join('\n'),
      'fx/b.yaml': 'name: [',
      'fx/c.yaml': 'name: no event\nexpect: { verdict: suppress }\n',
    });
    expect(code).toBe(EXIT_FAILURE);
    expect(lines).toEqual([
      'FAIL a.yaml — pelea sin cámara',
      '    verdict: esperado / expected "forward" · obtenido / actual "suppress"',
      '    purposes: esperado / expected ["delito-en-flagrancia"] · obtenido / actual []',
      '    (decisión / decision: suppress; razones / reasons: camera.unknown)',
      'FAIL b.yaml — texto mal formado / malformed text',
      expect.any(String),
      'FAIL c.yaml — caso inválido / invalid fixture',
      '    event: falta o no es un objeto / missing or not an object',
      '    camera: debe ser un registro de cámara o null / must be a camera record or null',
      '0 correcto(s), 3 fallido(s) / 0 passed, 3 failed',
    ]);
  });

  it('should print every issue of an invalid policy and run no fixture', async () => {
    const { code, lines } = await run({
      ...policy('apiVersion: tamiz/v1\nkind: Policy\n'),
      'fx/a.yaml': 'name: x\n',
    });
    expect(code).toBe(EXIT_FAILURE);
    expect(lines[0]).toBe('policy.yaml: política inválida / invalid policy');
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/metadata — /)]),
    );
    expect(lines.join('\n')).not.toMatch(/PASS|FAIL/);
  });

  it('should print the syntax problem of a malformed policy', async () => {
    const { code, lines } = await run({ ...policy('purposes: [') });
    expect(code).toBe(EXIT_FAILURE);
    expect(lines[0]).toBe('policy.yaml: texto mal formado / malformed text');
  });

  it('should fail when the directory holds no fixture', async () => {
    const { code, lines, err } = await run({ ...policy(await demo()) });
    expect(code).toBe(EXIT_FAILURE);
    expect(lines).toEqual([]);
    expect(err).toHaveBeenCalledWith(expect.stringContaining('no fixtures in fx'));
  });
});
