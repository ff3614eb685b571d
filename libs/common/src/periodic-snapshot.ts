import type { JsonLogger, LogFields } from './logger';

/**
 * A value read from somewhere slow (a database) and re-read every `intervalMs`, so hot paths read
 * memory only. A failed read keeps the last good value and logs the error's name, never its
 * message (drivers put connection strings and rows there).
 */
export class PeriodicSnapshot<T> {
  private value: T;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly args: {
      /** What is read, for the logs: `camera registry`. */
      name: string;
      initial: T;
      load: () => Promise<T>;
      intervalMs: number;
      logger: JsonLogger;
      /** Counts to log after each read. */
      describe?: (value: T) => LogFields;
    },
  ) {
    this.value = args.initial;
  }

  /** The value as last read; a refresh replaces it, it never changes one handed out. */
  get current(): T {
    return this.value;
  }

  /** Reads once, then every interval; a first failure leaves the initial value in place. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.args.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** True when the read succeeded. */
  async refresh(): Promise<boolean> {
    try {
      this.value = await this.args.load();
      this.args.logger.event(
        'debug',
        `${this.args.name} refreshed`,
        this.args.describe?.(this.value),
      );
      return true;
    } catch (error) {
      this.args.logger.event(
        'error',
        `${this.args.name} refresh failed; keeping the last snapshot`,
        {
          error: error instanceof Error ? error.name : 'unknown',
        },
      );
      return false;
    }
  }
}
