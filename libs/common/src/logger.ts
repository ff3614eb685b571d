import type { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

/**
 * Structured JSON logs, one object per line. Fields are scalars by type, so an event, an alert or
 * a decision (which hold personal data) cannot be logged whole by accident; callers log ids,
 * counts and codes.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly args: {
      service: string;
      level?: Level;
      write?: (line: string) => void;
      now?: () => Date;
    },
  ) {
    this.threshold = LEVELS[args.level ?? 'info'];
  }

  log(message: unknown, context?: unknown): void {
    this.emit('info', message, context);
  }
  warn(message: unknown, context?: unknown): void {
    this.emit('warn', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest[rest.length - 1]);
  }
  debug(message: unknown, context?: unknown): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: unknown): void {
    this.emit('debug', message, context);
  }

  /** The structured entry point for our own code. */
  event(level: Level, msg: string, fields: LogFields = {}): void {
    if (LEVELS[level] < this.threshold) {
      return;
    }
    const line = JSON.stringify({
      time: (this.args.now ?? (() => new Date()))().toISOString(),
      level,
      service: this.args.service,
      msg,
      ...fields,
    });
    (this.args.write ?? ((l: string) => process.stdout.write(l + '\n')))(line);
  }

  private emit(level: Level, message: unknown, context: unknown): void {
    const msg = message instanceof Error ? `${message.name}: ${message.message}` : String(message);
    this.event(level, msg, typeof context === 'string' ? { context } : {});
  }
}

export const silentLogger = new JsonLogger({ service: 'test', level: 'error', write: () => {} });
