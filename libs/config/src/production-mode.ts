import { AppConfig, DEVELOPMENT_AUDIT_KEY, DEVELOPMENT_AUTH_SECRET, DEVELOPMENT_ISSUER } from './app-config';

/** Every development shortcut that production mode refuses, each as a sentence naming its variable. */
export function productionProblems(config: AppConfig): string[] {
  if (!config.isProduction) return [];
  const problems: string[] = [];
  if (config.AUTH_DEV_LOGIN) {
    problems.push('AUTH_DEV_LOGIN is on: POST /auth/login would hand out tokens without a password (set it to false)');
  }
  if (config.AUTH_DEV_SECRET === DEVELOPMENT_AUTH_SECRET) {
    problems.push('AUTH_DEV_SECRET is the published development secret');
  }
  if (!config.DOCUMENT_SIGNING_P12) {
    problems.push(
      'DOCUMENT_SIGNING_P12 is not set: issued documents would be signed with a self-signed development key',
    );
  }
  if (!config.PUBLIC_URL) {
    problems.push('PUBLIC_URL is not set: issued documents would print a verification address on this machine');
  }
  if (config.AUDIT_SIGNING_KEY === DEVELOPMENT_AUDIT_KEY) {
    problems.push('AUDIT_SIGNING_KEY is the published development key: anyone could sign checkpoints');
  }
  if (config.AUDIT_PREVIOUS_SIGNING_KEYS.split(',').includes(DEVELOPMENT_AUDIT_KEY)) {
    problems.push('AUDIT_PREVIOUS_SIGNING_KEYS holds the published development key');
  }
  if (!config.AUTH_JWKS_URL) {
    problems.push("AUTH_JWKS_URL is not set: no identity provider's keys to verify tokens against");
  } else if (!config.AUTH_JWKS_URL.startsWith('https://') && !isLoopbackUrl(config.AUTH_JWKS_URL)) {
    problems.push('AUTH_JWKS_URL must use https (plain http only to a loopback address)');
  }
  if (config.AUTH_ISSUER === DEVELOPMENT_ISSUER) {
    problems.push(`AUTH_ISSUER is the development issuer '${DEVELOPMENT_ISSUER}': set your identity provider's issuer`);
  }
  return problems;
}

function isLoopbackUrl(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
