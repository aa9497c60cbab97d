import pino, { DestinationStream, Logger } from 'pino';
import { currentCorrelationId } from './correlation-context';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  /** Names the process in every line: `api`, `worker`, a script's name. */
  service: string;
  level: LogLevel;
  /** Where the lines go; stdout unless given. */
  destination?: DestinationStream;
}

/**
 * The one structured logger of every process: a JSON object a line, with the level's name, an ISO
 * time, the service and, while an action is being handled, its correlation id.
 */
export function createLogger({ service, level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A request's own child logger already names it (Fastify binds the id); others take it from the context.
      mixin: (_fields, _level, logger) => {
        const correlationId = currentCorrelationId();
        return correlationId && !('correlationId' in logger.bindings()) ? { correlationId } : {};
      },
    },
    destination,
  );
}

const processLoggers = new Map<string, Logger>();

/**
 * The process's one logger for a service at a level: the HTTP server (Fastify's request loggers are its
 * children) and Nest's logger share it, so every line has one shape and one destination.
 */
export function processLogger(service: string, level: LogLevel): Logger {
  const key = `${service}:${level}`;
  let logger = processLoggers.get(key);
  if (!logger) {
    logger = createLogger({ service, level });
    processLoggers.set(key, logger);
  }
  return logger;
}
