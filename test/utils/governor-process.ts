import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './kafka';

const DIST_APPS = join(__dirname, '..', '..', 'dist', 'apps');

export interface GovernorProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
  stats(): Promise<{ consumed: number; forwarded: number; deadLettered: number }>;
}

/**
 * Runs the compiled governor (`npm test` builds first) as a real process, so tests can SIGKILL it.
 * Resolves once it reports itself started on its health port.
 */
export async function startGovernorProcess(env: Record<string, string>): Promise<GovernorProcess> {
  return startAppProcess({ app: 'governor', env: { TAMIZ_HTTP_PORT: '0', ...env } });
}

/** Any compiled Tamiz app (`dist/apps/<app>/src/main.js`) that logs `"<app> started"` with its URL. */
export async function startAppProcess(args: {
  app: string;
  env: Record<string, string>;
}): Promise<GovernorProcess> {
  const child = spawn(process.execPath, [join(DIST_APPS, args.app, 'src', 'main.js')], {
    env: { ...process.env, TAMIZ_LOG_LEVEL: 'info', ...args.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = await waitFor({
    what: `the ${args.app} to start`,
    timeoutMs: 60_000,
    check: async () => {
      if (child.exitCode !== null) {
        throw new Error(`${args.app} exited with ${child.exitCode}:\n${out.slice(-3000)}`);
      }
      const match = new RegExp(`"msg":"${args.app} started","url":"([^"]+)"`).exec(out);
      return match?.[1]?.replace('[::1]', '127.0.0.1');
    },
  });
  return {
    child,
    url,
    output: () => out,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
    async stats() {
      const res = await fetch(`${url}/health/stats`);
      return (await res.json()) as { consumed: number; forwarded: number; deadLettered: number };
    },
  };
}
