import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { productionProblems } from './production-mode';

/** The variables read from the environment (each may come from a file named by `<NAME>_FILE` instead). */
const CONFIG_KEYS = new Set([
  'ONEWINDOW_MODE',
  'NODE_ENV',
  'API_HOST',
  'API_TRUST_PROXY',
  'AUTH_JWKS_COOLDOWN_SECONDS',
  'AUTH_ROLE_CLAIM',
  'AUTH_DEPARTMENT_CLAIM',
  'AUTH_NAME_CLAIM',
  'AUTH_ROLE_MAP',
  'AUTH_CLIENT_ID',
  'AUTH_SCOPES',
  'RATE_LIMIT_ADDRESS_PER_MINUTE',
  'RATE_LIMIT_ADDRESS_BURST',
  'LIVE_STREAMS_PER_USER',
  'METRICS_TOKEN',
  'AUDIT_PREVIOUS_SIGNING_KEYS',
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
  'WEB_DIST_DIR',
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
  'REQUEST_DEADLINE_SECONDS',
  'TEMPORAL_MEMBERSHIP_PORT',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CA_FILE',
  'TEMPORAL_TLS_CERT_FILE',
  'TEMPORAL_TLS_KEY_FILE',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_API_KEY',
  'DOCUMENT_STORE',
  'DOCUMENT_SIGNING_P12',
  'DOCUMENT_SIGNING_PASSPHRASE',
  'PUBLIC_URL',
  'DOCUMENT_MAX_BYTES',
  'DOCUMENT_ZIP_MAX_UNPACKED_BYTES',
  'DOCUMENT_ZIP_MAX_RATIO',
  'DOCUMENT_ZIP_MAX_ENTRIES',
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
  'EGRESS_ALLOWED_HOSTS',
]);

/**
 * Reads and validates the environment; a bad variable stops the process with a message naming it.
 * Any variable may instead come from a file named by `<NAME>_FILE` (container secrets). In production
 * every development shortcut still open is named, and the process does not start.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const relevant: Record<string, string | undefined> = {};
  for (const key of CONFIG_KEYS) {
    const fromFile = env[`${key}_FILE`];
    if (fromFile === undefined || fromFile === '') {
      if (env[key] !== undefined) relevant[key] = env[key];
    } else if (env[key] !== undefined && env[key] !== '') {
      problems.push(`  ${key}: set both ${key} and ${key}_FILE; set one`);
    } else {
      try {
        relevant[key] = readFileSync(fromFile, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        problems.push(`  ${key}_FILE: cannot read ${fromFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
  }
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (Boolean(config.TEMPORAL_TLS_CERT_FILE) !== Boolean(config.TEMPORAL_TLS_KEY_FILE)) {
    problems.push('  TEMPORAL_TLS_CERT_FILE: TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mTLS)');
  }
  if (config.DOCUMENT_STORE === 's3') {
    for (const key of ['S3_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!config[key]) problems.push(`  ${key}: is required when DOCUMENT_STORE is s3`);
    }
  }
  problems.push(...errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`));
  // Named together with any invalid value, so one start names every reason.
  const unsafe = productionProblems(config);
  const sections = [
    ...(problems.length > 0 ? [`Invalid configuration:\n${problems.join('\n')}`] : []),
    ...(unsafe.length > 0
      ? [
          `Refusing to start in production mode:\n${unsafe.map((p) => `  - ${p}`).join('\n')}\n` +
            'Fix these, or run with ONEWINDOW_MODE=development on a developer machine.',
        ]
      : []),
  ];
  if (sections.length > 0) throw new ConfigError(sections.join('\n'));
  return config;
}
