import { DefaultLogger, LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_METHOD: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Temporal's runtime logger (worker, workflow and activity lines) writing through the process's pino logger. */
export function temporalLoggerFor(logger: Logger): DefaultLogger {
  return new DefaultLogger('TRACE', ({ level, message, meta }) => logger[PINO_METHOD[level]]({ ...meta }, message));
}
