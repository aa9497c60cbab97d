import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

/** A start-up failure that already names the setting at fault. */
export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

const PG_CODES = new Set(['28P01', '28000', '3D000', '57P03', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** host:port/database of a PostgreSQL URL, without credentials. */
function whereIs(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured URL';
  }
}

function messageOf(error: unknown): string {
  const e = error as { message?: unknown; errors?: unknown };
  const text = typeof e?.message === 'string' && e.message ? e.message : String(error);
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  if (!text && Array.isArray(e.errors)) return e.errors.map(messageOf).join('; ');
  return text.split('\n')[0];
}

/**
 * One line for the operator: what failed, the dependency, and the setting that points at it; never
 * a stack trace.
 */
export function startupErrorLine(error: unknown, config?: AppConfig): string {
  if (error instanceof ConfigError) return error.message.replace(/\s*\n\s*/g, ' ');
  if (error instanceof StartupError) return `${error.message} (${error.setting})`;
  const text = messageOf(error);
  const code = (error as { code?: unknown })?.code;
  if (config) {
    const temporal = config.temporalAddress;
    const isTemporal =
      text.includes(temporal) ||
      /transport|grpc|tonic|temporal/i.test(text) ||
      ['TransportError', 'ServiceError'].includes((error as Error)?.name);
    if (isTemporal) return `Cannot reach Temporal at ${temporal} (TEMPORAL_ADDRESS): ${text}`;
    const isPostgres =
      (typeof code === 'string' && (PG_CODES.has(code) || NETWORK_CODES.has(code))) ||
      /postgres|password authentication|database .* does not exist/i.test(text);
    if (isPostgres) return `Cannot reach PostgreSQL at ${whereIs(config.databaseUrl)} (DATABASE_URL): ${text}`;
  }
  return `Start-up failed: ${text}`;
}

/** The configuration when it is valid, for naming the dependency in a start-up error; else undefined. */
export function configIfValid(): AppConfig | undefined {
  try {
    return loadConfig();
  } catch {
    return undefined;
  }
}
