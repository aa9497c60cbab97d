import { AppConfig } from '@onewindow/config';
import { Injectable, LoggerService, LogLevel } from '@nestjs/common';
import { currentCorrelationId } from '../correlation';

type Level = AppConfig['LOG_LEVEL'];
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON object a line on stdout (stderr for warnings and errors), with the request's correlation id. */
@Injectable()
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(config: AppConfig) {
    this.threshold = RANK[config.LOG_LEVEL];
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // LOG_LEVEL from the validated config decides.
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (RANK[level] < this.threshold) return;
    // Nest passes the context last; an error's stack, when there is one, comes before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const entry = {
      level,
      time: new Date().toISOString(),
      ...(context ? { context } : {}),
      ...(currentCorrelationId() ? { correlationId: currentCorrelationId() } : {}),
      ...fields,
      ...(stack ? { stack } : {}),
    };
    const line = `${safeStringify(entry)}\n`;
    if (RANK[level] >= RANK.warn) process.stderr.write(line);
    else process.stdout.write(line);
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return JSON.stringify({ level: 'error', msg: 'unserialisable log entry' });
  }
}
