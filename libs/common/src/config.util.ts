import { AppError } from './app-error';

/**
 * A declarative environment schema: every app lists its keys once, with parser and default.
 * `loadConfig` reads them all, collects every problem and throws one error naming each bad key,
 * so a misconfigured process stops at start with the whole list. Sensitive keys are masked when
 * the config is described.
 */
export interface EnvKey<T> {
  description: string;
  default?: T;
  required?: boolean;
  sensitive?: boolean;
  parse: (raw: string) => T;
}

export type EnvSchema<C> = { [K in keyof C]: EnvKey<C[K]> & { env: string } };

export enum ConfigErrorCode {
  Invalid = 'config_invalid',
}

export class ConfigError extends AppError<ConfigErrorCode> {
  constructor(readonly problems: string[]) {
    super({
      code: ConfigErrorCode.Invalid,
      message: `Configuración inválida / invalid configuration:\n  - ${problems.join('\n  - ')}`,
    });
  }
}

export function loadConfig<C>(schema: EnvSchema<C>, env: NodeJS.ProcessEnv): C {
  const out: Partial<C> = {};
  const problems: string[] = [];
  for (const key of Object.keys(schema) as Array<keyof C>) {
    const spec = schema[key];
    const raw = env[spec.env];
    if (raw === undefined || raw === '') {
      if (spec.required) {
        problems.push(`${spec.env}: required (${spec.description})`);
      } else {
        out[key] = spec.default;
      }
      continue;
    }
    try {
      out[key] = spec.parse(raw);
    } catch (error) {
      const shown = spec.sensitive ? '***' : JSON.stringify(raw);
      problems.push(`${spec.env}=${shown}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return out as C;
}

/** The config as it may be logged: sensitive values masked. */
export function describeConfig<C>(schema: EnvSchema<C>, config: C): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema) as Array<keyof C>) {
    const value = config[key];
    out[schema[key].env] =
      schema[key].sensitive && value !== undefined ? '***' : JSON.stringify(value ?? null);
  }
  return out;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;

export const parsers = {
  string: (raw: string): string => raw,
  /**
   * Random bytes, hex when the text is only hex digits (`openssl rand -hex 32`), else padded
   * base64 (`openssl rand -base64 32`). The error never repeats the value.
   */
  secret:
    ({ minBytes }: { minBytes: number }) =>
    (raw: string): Buffer => {
      const text = raw.trim();
      const bytes = HEX.test(text)
        ? Buffer.from(text, 'hex')
        : BASE64.test(text)
          ? Buffer.from(text, 'base64')
          : undefined;
      if (bytes === undefined) {
        throw new Error('expected hex or padded base64');
      }
      if (bytes.length < minBytes) {
        throw new Error(`expected at least ${minBytes} random bytes, got ${bytes.length}`);
      }
      return bytes;
    },
  int:
    ({ min, max }: { min: number; max: number }) =>
    (raw: string): number => {
      if (!/^-?\d+$/.test(raw)) {
        throw new Error('expected an integer');
      }
      const n = Number(raw);
      if (n < min || n > max) {
        throw new Error(`expected an integer between ${min} and ${max}`);
      }
      return n;
    },
  oneOf:
    <T extends string>(values: readonly T[]) =>
    (raw: string): T => {
      if (!(values as readonly string[]).includes(raw)) {
        throw new Error(`expected one of ${values.join(', ')}`);
      }
      return raw as T;
    },
  brokers: (raw: string): string[] => {
    const list = raw.split(',').map((s) => s.trim());
    for (const b of list) {
      if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b)) {
        throw new Error(`expected host:port[,host:port…], got "${b}"`);
      }
    }
    return list;
  },
  topicPrefix: (raw: string): string => {
    if (!/^[A-Za-z0-9._-]{0,100}$/.test(raw)) {
      throw new Error('expected letters, digits, ".", "_" or "-"');
    }
    return raw;
  },
  postgresUrl: (raw: string): string => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error('expected a URL such as postgres://user@host:5432/db');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new Error('expected a postgres:// or postgresql:// URL');
    }
    return raw;
  },
};
