import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === true || value === 'true' || value === '1'
      ? true
      : value === false || value === 'false' || value === '0'
        ? false
        : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every setting OneWindow reads from its environment, validated once at start-up. */
export class AppConfig {
  /** A PostgreSQL URL; when unset, the embedded PostgreSQL below is used. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  @Transform(toInt)
  EMBEDDED_PG_PORT = 5499;

  /** Where the embedded PostgreSQL, the Temporal dev server's SQLite file and logs live. */
  @IsString()
  ONEWINDOW_DATA_DIR = '.data';

  /** host:port of an existing Temporal frontend; when unset, the local dev server is used. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[\w.-]+:\d+$/, { message: 'TEMPORAL_ADDRESS must look like host:port' })
  TEMPORAL_ADDRESS?: string;

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = 'onewindow-approvals';

  /** Path to a `temporal` CLI binary; otherwise PATH, then the build cache. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_CLI?: string;

  @IsString()
  ONEWINDOW_CACHE_DIR = join(homedir(), '.cache', 'onewindow', 'bin');

  @IsInt()
  @Min(1)
  @Max(65535)
  @Transform(toInt)
  TEMPORAL_DEV_PORT = 7233;

  @IsInt()
  @Min(1)
  @Max(65535)
  @Transform(toInt)
  TEMPORAL_UI_PORT = 8233;

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(toInt)
  API_PORT = 3000;

  /** Expected `iss` of bearer tokens. */
  @IsString()
  @MinLength(1)
  AUTH_ISSUER = 'onewindow-dev';

  /** Expected `aud` of bearer tokens. */
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE = 'onewindow-api';

  /** JWKS of an external OIDC provider; when set, tokens are verified against it (RS256/ES256). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/.+/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** HS256 secret for the development token issuer (POST /auth/login). */
  @IsString()
  @MinLength(32, { message: 'AUTH_DEV_SECRET must be at least 32 characters' })
  AUTH_DEV_SECRET = 'onewindow-development-secret-change-me';

  /** Whether POST /auth/login issues tokens for the seeded demo users. */
  @IsBoolean()
  @Transform(toBool)
  AUTH_DEV_LOGIN = true;

  /** Sustained API requests a minute each caller (user, or IP address when anonymous) may make. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @Transform(toInt)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Requests a caller may make at once before the per-minute rate applies. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @Transform(toInt)
  RATE_LIMIT_BURST = 120;

  /** Database role application connections switch to (it may not alter the log); empty: the login user. */
  @IsString()
  @Matches(/^([a-z_][a-z0-9_$]{0,62})?$/, { message: 'DATABASE_APP_ROLE must be a plain role name or empty' })
  DATABASE_APP_ROLE = 'onewindow_app';

  /** HMAC-SHA256 key that signs audit checkpoints. */
  @IsString()
  @MinLength(32, { message: 'AUDIT_SIGNING_KEY must be at least 32 characters' })
  AUDIT_SIGNING_KEY = 'onewindow-development-audit-key-change-me';

  /** Seconds between signed audit checkpoints the worker creates; 0 disables them. */
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS must be an integer' })
  @Min(0)
  @Transform(toInt)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 3600;

  /** Folder of process definition and calendar JSON files published at start (when not yet published). */
  @IsString()
  DEFINITIONS_DIR = 'definitions';

  /** Where document content is stored: PostgreSQL (the default) or an S3-compatible object store. */
  @IsIn(['postgres', 's3'], { message: 'DOCUMENT_STORE must be postgres or s3' })
  DOCUMENT_STORE: 'postgres' | 's3' = 'postgres';

  /** Largest document upload in bytes; beyond it the upload answers 413. */
  @IsInt({ message: 'DOCUMENT_MAX_BYTES must be an integer' })
  @Min(1)
  @Transform(toInt)
  DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

  /** S3-compatible endpoint and bucket, path-style: http(s)://host[:port]/bucket[/prefix]. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^/]+\/[^/]+/, { message: 'S3_URL must look like http(s)://host[:port]/bucket[/prefix]' })
  S3_URL?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** SMTP server for email notifications (smtp://user:pass@host:port or smtps://…); unset: no email. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of notification emails. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'OneWindow <no-reply@onewindow.local>';

  /** Delivery attempts before a notification is parked (staff may re-send it). */
  @IsInt()
  @Min(1)
  @Max(100)
  @Transform(toInt)
  NOTIFICATION_MAX_ATTEMPTS = 8;

  /** First retry delay in milliseconds; each later one doubles (capped at one hour). */
  @IsInt()
  @Min(1)
  @Transform(toInt)
  NOTIFICATION_RETRY_BASE_MS = 5000;

  /** How often the worker looks for notifications to deliver and reminders to write, in milliseconds. */
  @IsInt()
  @Min(10)
  @Transform(toInt)
  NOTIFICATION_POLL_INTERVAL_MS = 1000;

  /** Working days before a step's due date at which its holder and their supervisor are reminded. */
  @IsInt()
  @Min(0)
  @Max(60)
  @Transform(toInt)
  NOTIFICATION_REMINDER_WORKING_DAYS = 2;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  get dataDir(): string {
    return resolve(this.ONEWINDOW_DATA_DIR);
  }

  get temporalAddress(): string {
    return this.TEMPORAL_ADDRESS ?? `127.0.0.1:${this.TEMPORAL_DEV_PORT}`;
  }

  get databaseUrl(): string {
    return this.DATABASE_URL ?? embeddedDatabaseUrl(this.EMBEDDED_PG_PORT);
  }
}

const CONFIG_KEYS = new Set([
  'DATABASE_URL',
  'EMBEDDED_PG_PORT',
  'ONEWINDOW_DATA_DIR',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_CLI',
  'ONEWINDOW_CACHE_DIR',
  'TEMPORAL_DEV_PORT',
  'TEMPORAL_UI_PORT',
  'API_PORT',
  'LOG_LEVEL',
  'DEFINITIONS_DIR',
  'DATABASE_APP_ROLE',
  'AUDIT_SIGNING_KEY',
  'AUDIT_CHECKPOINT_INTERVAL_SECONDS',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_DEV_SECRET',
  'AUTH_DEV_LOGIN',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_BURST',
  'DOCUMENT_STORE',
  'DOCUMENT_MAX_BYTES',
  'S3_URL',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SMTP_URL',
  'SMTP_FROM',
  'NOTIFICATION_MAX_ATTEMPTS',
  'NOTIFICATION_RETRY_BASE_MS',
  'NOTIFICATION_POLL_INTERVAL_MS',
  'NOTIFICATION_REMINDER_WORKING_DAYS',
]);

export const EMBEDDED_PG_PASSWORD = 'onewindow';
export const DATABASE_NAME = 'onewindow';

export function embeddedDatabaseUrl(port: number, database = DATABASE_NAME): string {
  return `postgres://postgres:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; a bad variable stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(Object.entries(env).filter(([key]) => CONFIG_KEYS.has(key)));
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length === 0 && config.DOCUMENT_STORE === 's3') {
    for (const key of ['S3_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!config[key])
        throw new ConfigError(`Invalid configuration:\n  ${key}: is required when DOCUMENT_STORE is s3`);
    }
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
