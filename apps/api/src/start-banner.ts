import { AppConfig, DEVELOPMENT_AUDIT_KEY } from '@onewindow/config';

/** What a development start leaves open, said once at start so nobody mistakes it for a deployment. */
export function startBanner(config: AppConfig, url: string): string {
  if (config.isProduction) return `OneWindow API (production mode) listening on ${url}`;
  const open: string[] = [];
  if (config.devTokensAccepted) {
    open.push('tokens signed with AUTH_DEV_SECRET are accepted for the seeded users');
    if (config.AUTH_DEV_LOGIN)
      open.push('POST /auth/login signs anyone in as any seeded user, administrator included, without a password');
  } else {
    open.push(`tokens come from the identity provider at ${config.AUTH_JWKS_URL ?? '(none)'}`);
  }
  if (config.AUDIT_SIGNING_KEY === DEVELOPMENT_AUDIT_KEY)
    open.push('audit checkpoints are signed with the published development key');
  if (!config.METRICS_TOKEN) open.push('GET /metrics answers anyone');
  if (config.API_HOST !== '127.0.0.1' && config.API_HOST !== 'localhost' && config.API_HOST !== '::1') {
    open.push(`the API listens beyond this machine (API_HOST=${config.API_HOST})`);
  }
  return [
    `OneWindow API in DEVELOPMENT mode on ${url} — not for real data. Open in this mode:`,
    ...open.map((line) => `  - ${line}`),
    'Set ONEWINDOW_MODE=production (see SECURITY.md) to refuse all of these.',
  ].join('\n');
}
