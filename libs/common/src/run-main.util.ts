import { ConfigError } from './config.util';

/**
 * The `main()` of every Tamiz process: start it, stop it cleanly on SIGINT or SIGTERM, and exit
 * with 78 (EX_CONFIG) and the list of bad keys when the configuration is invalid, 1 on any other
 * failure to start.
 */
export function runMain(args: {
  name: string;
  start: () => Promise<{ close(): Promise<void> }>;
}): void {
  let handle: { close(): Promise<void> } | null = null;
  const stop = (signal: string) => {
    void (async () => {
      await handle?.close();
      process.stdout.write(
        JSON.stringify({ level: 'info', msg: `${args.name} stopped`, signal }) + '\n',
      );
      process.exit(0);
    })();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  args.start().then(
    (started) => {
      handle = started;
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(78); // EX_CONFIG
      }
      process.stderr.write(`${args.name} failed to start: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
