// A real OpenID Connect provider (the certified `oidc-provider` package, ESM only, hence its own
// process) for the sign-in tests. Reads its keys and port from the environment, prints one JSON line
// `{"ready":true,...}` once it listens, and stops on SIGTERM.
import { URL } from 'node:url';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
/** Private signing keys, newest first: the first signs, all are published (rotation keeps the old one). */
const keys = JSON.parse(process.env.OIDC_KEYS);
const clients = JSON.parse(process.env.OIDC_CLIENTS);
/** Resource indicator (audience) -> access token lifetime in seconds. */
const resources = JSON.parse(process.env.OIDC_RESOURCES);
const shortLived = new Set(JSON.parse(process.env.OIDC_SHORT_LIVED_CLIENTS ?? '[]'));

/** People, with claims shaped like Keycloak's: realm roles under realm_access.roles. */
const ACCOUNTS = {
  'ana.costa': { name: 'Ana Costa', department: 'fire', realm_access: { roles: ['ow-clerk', 'offline_access'] } },
  'max.weber': { name: 'Max Weber', realm_access: { roles: ['ow-supervisor'] } },
  'acme.agent': { name: 'Acme agent', realm_access: { roles: ['ow-applicant'] } },
  'jon.audit': { name: 'Jon Berg', realm_access: { roles: ['ow-auditor'] } },
  'no.department': { name: 'Nils Nobody', realm_access: { roles: ['ow-clerk'] } },
  'two.hats': { name: 'Tess Two', department: 'fire', realm_access: { roles: ['ow-clerk', 'ow-admin'] } },
};

const provider = new Provider(issuer, {
  clients,
  jwks: { keys },
  findAccount: (_ctx, sub) =>
    ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, name: ACCOUNTS[sub].name }) } : undefined,
  claims: { openid: ['sub'], profile: ['name'] },
  scopes: ['openid', 'offline_access', 'api', 'profile'],
  // The web app calls the token and revocation endpoints from the browser: allowed from the origins of
  // the client's own redirect URIs only.
  clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, _client, oneOf) => oneOf ?? Object.keys(resources)[0],
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resourceIndicator, client) => {
        if (!(resourceIndicator in resources)) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'api',
          audience: resourceIndicator,
          accessTokenFormat: 'jwt',
          accessTokenTTL: shortLived.has(client.clientId) ? 2 : resources[resourceIndicator],
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: (_ctx, token) => {
    if (token.kind !== 'AccessToken' || !ACCOUNTS[token.accountId]) return undefined;
    return ACCOUNTS[token.accountId];
  },
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: { RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600, AuthorizationCode: 60, IdToken: 300 },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc server_error: ${error.stack}\n`));

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, issuer })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
