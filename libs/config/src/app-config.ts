import { Transform } from 'class-transformer';
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
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import ipaddr from 'ipaddr.js';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { embeddedDatabaseUrl, TemporalConnectionSettings, TemporalTlsSettings } from './connection-settings';

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

const splitList = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Each entry a host name, an address or a CIDR range. */
@ValidatorConstraint({ name: 'egressAllowList' })
class EgressAllowList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      splitList(value).every((entry) => HOST_NAME.test(entry) || ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry))
    );
  }

  defaultMessage(): string {
    return 'EGRESS_ALLOWED_HOSTS must list host names, addresses or CIDR ranges, separated by commas';
  }
}

/** Published in the source: fine on a developer's machine, refused in production. */
export const DEVELOPMENT_AUTH_SECRET = 'onewindow-development-secret-change-me';
export const DEVELOPMENT_AUDIT_KEY = 'onewindow-development-audit-key-change-me';
export const DEVELOPMENT_ISSUER = 'onewindow-dev';
export const MIN_SECRET_LENGTH = 32;

export type DeploymentMode = 'development' | 'production';

/** Every setting OneWindow reads from its environment, validated once at start-up. */
export class AppConfig {
  /** `production` refuses development shortcuts; unset: production when NODE_ENV=production. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['development', 'production'], { message: 'ONEWINDOW_MODE must be development or production' })
  ONEWINDOW_MODE?: DeploymentMode;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

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

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For): a hop
   * count, `loopback`, addresses or subnets; empty: none, the socket's address.
   */
  @IsString()
  @Matches(/^([\w.:/-]+(\s*,\s*[\w.:/-]+)*)?$/, {
    message: 'API_TRUST_PROXY must be a hop count, loopback, or addresses and subnets separated by commas',
  })
  API_TRUST_PROXY = '';

  /** Address the API binds to; loopback unless a proxy or container needs more. */
  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'API_HOST must be a host name or an IP address' })
  API_HOST = '127.0.0.1';

  /** Expected `iss` of bearer tokens. */
  @IsString()
  @MinLength(1)
  AUTH_ISSUER = DEVELOPMENT_ISSUER;

  /** Expected `aud` of bearer tokens. */
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE = 'onewindow-api';

  /** JWKS of an external OIDC provider; when set, tokens are verified against it (RS256/ES256). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/.+/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** Seconds before an unknown key id makes the API fetch the provider's JWKS again (key rotation). */
  @IsInt()
  @Min(0)
  @Max(3600)
  @Transform(toInt)
  AUTH_JWKS_COOLDOWN_SECONDS = 30;

  /** Token claim holding the role, a dot path (`realm_access.roles`); its value may be a string or a list. */
  @IsString()
  @Matches(/^[\w:/.-]+$/, { message: 'AUTH_ROLE_CLAIM must be a claim name or a dot path' })
  AUTH_ROLE_CLAIM = 'role';

  /** Token claim holding a clerk's department (a dot path). */
  @IsString()
  @Matches(/^[\w:/.-]+$/, { message: 'AUTH_DEPARTMENT_CLAIM must be a claim name or a dot path' })
  AUTH_DEPARTMENT_CLAIM = 'department';

  /** Token claim holding the display name. */
  @IsString()
  @Matches(/^[\w:/.-]+$/, { message: 'AUTH_NAME_CLAIM must be a claim name or a dot path' })
  AUTH_NAME_CLAIM = 'name';

  /** Provider role names to OneWindow roles, `provider=onewindow` pairs split by commas; empty: names as they are. */
  @IsString()
  @Matches(/^(\s*[^=,\s]+\s*=\s*(applicant|clerk|supervisor|auditor|administrator)\s*(,|$))*$/, {
    message: 'AUTH_ROLE_MAP must be provider-role=onewindow-role pairs separated by commas',
  })
  AUTH_ROLE_MAP = '';

  /** The web app's OpenID client id (public; the browser signs in with authorization code + PKCE). */
  @IsString()
  AUTH_CLIENT_ID = '';

  /** Scopes the web app asks for. */
  @IsString()
  AUTH_SCOPES = 'openid profile offline_access';

  /** HS256 secret for the development token issuer (POST /auth/login). */
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `AUTH_DEV_SECRET must be at least ${MIN_SECRET_LENGTH} characters` })
  AUTH_DEV_SECRET = DEVELOPMENT_AUTH_SECRET;

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

  /** Connect to Temporal over TLS (implied by any of the TLS files or an API key below). */
  @IsBoolean({ message: 'TEMPORAL_TLS must be true or false' })
  @Transform(toBool)
  TEMPORAL_TLS = false;

  /** PEM file of the CA that signed the Temporal frontend's certificate (default: the system's CAs). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_TLS_CA_FILE?: string;

  /** mTLS: PEM files of the client certificate and its key (both or neither). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_TLS_CERT_FILE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_TLS_KEY_FILE?: string;

  /** Server name to verify the frontend's certificate against, when it differs from the address's host. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** Temporal Cloud API key (sent as a bearer token; implies TLS). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_API_KEY?: string;

  /** `npm run up -- --cluster`: first membership port of Temporal's services (frontend; history, matching, worker follow). */
  @IsInt()
  @Min(1)
  @Max(65532)
  @Transform(toInt)
  TEMPORAL_MEMBERSHIP_PORT = 6933;

  /**
   * Seconds an API call may wait on Temporal (an Update waiting for a worker included) before it
   * answers 503 with Retry-After; a retry with the same Idempotency-Key picks the action up again.
   */
  @IsInt({ message: 'REQUEST_DEADLINE_SECONDS must be an integer' })
  @Min(1)
  @Max(600)
  @Transform(toInt)
  REQUEST_DEADLINE_SECONDS = 20;

  /** Sustained requests a minute from one client address, counted before authentication. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @Transform(toInt)
  RATE_LIMIT_ADDRESS_PER_MINUTE = 1200;

  /** Requests one client address may make at once before its per-minute rate applies. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @Transform(toInt)
  RATE_LIMIT_ADDRESS_BURST = 300;

  /** Event streams one user may hold open at once. */
  @IsInt()
  @Min(1)
  @Max(1000)
  @Transform(toInt)
  LIVE_STREAMS_PER_USER = 5;

  /** Bearer token Prometheus sends to GET /metrics; unset: open in development, closed in production. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `METRICS_TOKEN must be at least ${MIN_SECRET_LENGTH} characters` })
  METRICS_TOKEN?: string;

  /** Database role application connections switch to (it may not alter the log); empty: the login user. */
  @IsString()
  @Matches(/^([a-z_][a-z0-9_$]{0,62})?$/, { message: 'DATABASE_APP_ROLE must be a plain role name or empty' })
  DATABASE_APP_ROLE = 'onewindow_app';

  /** HMAC-SHA256 key that signs audit checkpoints. */
  @IsString()
  @MinLength(MIN_SECRET_LENGTH, { message: `AUDIT_SIGNING_KEY must be at least ${MIN_SECRET_LENGTH} characters` })
  AUDIT_SIGNING_KEY = DEVELOPMENT_AUDIT_KEY;

  /** Keys that signed older checkpoints, separated by commas: they still verify after a rotation. */
  @IsString()
  @Matches(/^([^,]{32,}(,[^,]{32,})*)?$/, {
    message: `AUDIT_PREVIOUS_SIGNING_KEYS must be keys of at least ${MIN_SECRET_LENGTH} characters separated by commas`,
  })
  AUDIT_PREVIOUS_SIGNING_KEYS = '';

  /** Seconds between signed audit checkpoints the worker creates; 0 disables them. */
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS must be an integer' })
  @Min(0)
  @Transform(toInt)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 3600;

  /** Folder of process definition and calendar JSON files published at start (when not yet published). */
  @IsString()
  DEFINITIONS_DIR = 'definitions';

  /** The built web app (`npm run build` writes it); the API serves it at `/`. Absent: no web app is served. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';
  /** Where document content is stored: PostgreSQL (the default) or an S3-compatible object store. */
  @IsIn(['postgres', 's3'], { message: 'DOCUMENT_STORE must be postgres or s3' })
  DOCUMENT_STORE: 'postgres' | 's3' = 'postgres';

  /**
   * The authority's signing key for issued documents: a PKCS#12 (key and certificate), base64-encoded (or,
   * with DOCUMENT_SIGNING_P12_FILE, a file holding that base64). Unset: a development key and self-signed
   * certificate made at first start under ONEWINDOW_DATA_DIR, refused in production.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9+/=\s]+$/, { message: 'DOCUMENT_SIGNING_P12 must be a base64-encoded PKCS#12' })
  DOCUMENT_SIGNING_P12?: string;

  /** The passphrase of DOCUMENT_SIGNING_P12. */
  @IsString()
  DOCUMENT_SIGNING_PASSPHRASE = '';

  /** The address people reach the web app at: printed with each issued document's QR code (`/verify/<code>`). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Largest document upload in bytes; beyond it the upload answers 413. */
  @IsInt({ message: 'DOCUMENT_MAX_BYTES must be an integer' })
  @Min(1)
  @Transform(toInt)
  DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

  /** What an uploaded ZIP may unpack to, all entries together, in bytes; checked as it inflates. */
  @IsInt()
  @Min(1)
  @Transform(toInt)
  DOCUMENT_ZIP_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

  /** How many times larger than compressed one ZIP entry may unpack (a zip bomb: 1 000 and more). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  @Transform(toInt)
  DOCUMENT_ZIP_MAX_RATIO = 100;

  /** Entries (files and folders) one ZIP may hold. */
  @IsInt()
  @Min(1)
  @Max(65_535)
  @Transform(toInt)
  DOCUMENT_ZIP_MAX_ENTRIES = 1000;

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

  /**
   * Receivers that outbound calls a user can steer (webhooks) may reach although they are not public
   * addresses: comma-separated host names, addresses and CIDR ranges (`hooks.intranet.example,10.20.0.0/16`).
   * Empty: only public addresses.
   */
  @IsString()
  @Validate(EgressAllowList)
  EGRESS_ALLOWED_HOSTS = '';

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  get mode(): DeploymentMode {
    return this.ONEWINDOW_MODE ?? (this.NODE_ENV === 'production' ? 'production' : 'development');
  }

  get isProduction(): boolean {
    return this.mode === 'production';
  }

  /** Development tokens (HS256, POST /auth/login) are accepted only in development without a provider. */
  get devTokensAccepted(): boolean {
    return !this.isProduction && !this.AUTH_JWKS_URL;
  }

  get auditPreviousSigningKeys(): string[] {
    return this.AUDIT_PREVIOUS_SIGNING_KEYS.split(',').filter((key) => key.length > 0);
  }

  /** The limits an uploaded ZIP is opened under. */
  get zipLimits(): { maxEntries: number; maxUncompressedBytes: number; maxRatio: number } {
    return {
      maxEntries: this.DOCUMENT_ZIP_MAX_ENTRIES,
      maxUncompressedBytes: this.DOCUMENT_ZIP_MAX_UNPACKED_BYTES,
      maxRatio: this.DOCUMENT_ZIP_MAX_RATIO,
    };
  }

  get egressAllowedHosts(): string[] {
    return splitList(this.EGRESS_ALLOWED_HOSTS);
  }

  /** Where people verify issued documents: PUBLIC_URL, else this machine's API. */
  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://127.0.0.1:${this.API_PORT}`;
  }

  get dataDir(): string {
    return resolve(this.ONEWINDOW_DATA_DIR);
  }

  get temporalAddress(): string {
    return this.TEMPORAL_ADDRESS ?? `127.0.0.1:${this.TEMPORAL_DEV_PORT}`;
  }

  /**
   * How to reach Temporal, for both the client (API, CLI) and the worker's native connection: the
   * address, TLS (server CA, client certificate for mTLS, server name) and an API key.
   */
  get temporalConnection(): TemporalConnectionSettings {
    const useTls =
      this.TEMPORAL_TLS || Boolean(this.TEMPORAL_TLS_CA_FILE || this.TEMPORAL_TLS_CERT_FILE || this.TEMPORAL_API_KEY);
    if (!useTls) return { address: this.temporalAddress };
    const read = (setting: string, path: string) => {
      try {
        return readFileSync(path);
      } catch (error) {
        throw new ConfigError(`${setting}: cannot read ${path} (${(error as Error).message})`);
      }
    };
    const tls: TemporalTlsSettings = {};
    if (this.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = this.TEMPORAL_TLS_SERVER_NAME;
    if (this.TEMPORAL_TLS_CA_FILE)
      tls.serverRootCACertificate = read('TEMPORAL_TLS_CA_FILE', this.TEMPORAL_TLS_CA_FILE);
    if (this.TEMPORAL_TLS_CERT_FILE && this.TEMPORAL_TLS_KEY_FILE) {
      tls.clientCertPair = {
        crt: read('TEMPORAL_TLS_CERT_FILE', this.TEMPORAL_TLS_CERT_FILE),
        key: read('TEMPORAL_TLS_KEY_FILE', this.TEMPORAL_TLS_KEY_FILE),
      };
    }
    return { address: this.temporalAddress, tls, ...(this.TEMPORAL_API_KEY ? { apiKey: this.TEMPORAL_API_KEY } : {}) };
  }

  get databaseUrl(): string {
    return this.DATABASE_URL ?? embeddedDatabaseUrl(this.EMBEDDED_PG_PORT);
  }
}
