export { AppError, assertUnreachable } from './app-error';
export { CLOCK, fixedClock, systemClock } from './clock';
export type { Clock } from './clock';
export { ConfigError, ConfigErrorCode, describeConfig, loadConfig, parsers } from './config.util';
export type { EnvKey, EnvSchema } from './config.util';
export { JsonLogger, silentLogger } from './logger';
export type { LogFields } from './logger';
export { PeriodicSnapshot } from './periodic-snapshot';
export { runMain } from './run-main.util';
