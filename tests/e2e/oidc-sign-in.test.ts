import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { documentSigningEnv } from '../support/document-signing';
import { callRoute, routeTable } from '../support/route-table';
import { SHORT_LIVED_CLIENT, TestOidcProvider, TokenSet, WEB_CLIENT } from '../support/oidc-provider';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

const AUDIENCE = 'urn:onewindow:api';
const OTHER_AUDIENCE = 'urn:other:api';
const secret = () => randomBytes(32).toString('hex');

/**
 * The API in production mode behind a real OpenID provider: people sign in with authorization code
 * and PKCE; the API verifies the provider's tokens against its JWKS and reads role and department from
 * Keycloak-shaped claims (realm_access.roles, mapped to OneWindow's roles).
 */
describe('sign-in through an OpenID Connect provider (production mode)', () => {
  let idp: TestOidcProvider;
  let api: TestApi;
  const devSecret = secret();
  const metricsToken = secret();

  beforeAll(async () => {
    idp = await TestOidcProvider.start({ [AUDIENCE]: 300, [OTHER_AUDIENCE]: 300 });
    api = await startTestApi({
      ONEWINDOW_MODE: 'production',
      ...documentSigningEnv(),
      AUTH_DEV_LOGIN: 'false',
      AUTH_DEV_SECRET: devSecret,
      AUDIT_SIGNING_KEY: secret(),
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CLIENT_ID: WEB_CLIENT,
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP:
        'ow-applicant=applicant, ow-clerk=clerk, ow-supervisor=supervisor, ow-auditor=auditor, ow-admin=administrator',
      // Fetch the JWKS again as soon as a token names a key not seen yet (rotation without waiting).
      AUTH_JWKS_COOLDOWN_SECONDS: '0',
      METRICS_TOKEN: metricsToken,
    });
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  const bearer = (tokens: TokenSet | string) => ({
    authorization: `Bearer ${typeof tokens === 'string' ? tokens : tokens.access_token}`,
  });
  const me = (tokens: TokenSet | string) => api.http.get('/auth/me').set(bearer(tokens));

  it('tells the web app where and how to sign in, with no secret in it', async () => {
    const res = await api.http.get('/auth/config').expect(200);
    expect(res.body).toEqual({
      mode: 'production',
      devLogin: false,
      oidc: { issuer: idp.issuer, clientId: WEB_CLIENT, scopes: 'openid profile offline_access', audience: AUDIENCE },
    });
    expect(JSON.stringify(res.body)).not.toContain(devSecret);
  });

  it('signs a clerk in with authorization code + PKCE and knows their role and department from the claims', async () => {
    const tokens = await idp.signIn('ana.costa');
    expect((await me(tokens).expect(200)).body).toEqual({
      id: 'ana.costa',
      role: 'clerk',
      department: 'fire',
      name: 'Ana Costa',
    });
    // Their department's queue, whatever other cases the database holds.
    const queue = (await api.http.get('/work-queue').set(bearer(tokens)).expect(200)).body as {
      items: Array<{ department: string }>;
    };
    expect(queue.items.filter((item) => item.department !== 'fire')).toEqual([]);
    await api.http.get('/work-queue?department=building').set(bearer(tokens)).expect(403);
    await api.http.get('/audit/access-log').set(bearer(tokens)).expect(403);
  });

  it('never accepts the development secret, nor hands out development tokens', async () => {
    await api.http.post('/auth/login').send({ username: 'admin' }).expect(401);
    expect((await api.http.get('/auth/demo-users').expect(200)).body).toEqual([]);
    const forged = await new SignJWT({ role: 'administrator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setIssuer(idp.issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(devSecret));
    expect((await me(forged)).status).toBe(401);
  });

  it('refreshes an access token, and refuses one that has expired', async () => {
    const tokens = await idp.signIn('ana.costa', { clientId: SHORT_LIVED_CLIENT });
    expect(tokens.expires_in).toBeLessThanOrEqual(5);
    // Waits for the token to run out, however long the machine takes to get there.
    const expired = await eventually(async () => {
      const res = await me(tokens);
      return res.status === 401 ? res : undefined;
    }, 'the access token to expire');
    expect(expired.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
    const refreshed = await idp.refresh(tokens.refresh_token!, SHORT_LIVED_CLIENT);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await me(refreshed)).status).not.toBe(401);
  });

  it('ends a revoked sign-in at the next refresh; the access token already issued lives out its short life', async () => {
    const tokens = await idp.signIn('ana.costa');
    await idp.revoke(tokens.refresh_token!);
    await expect(idp.refresh(tokens.refresh_token!)).rejects.toMatchObject({ oauthError: 'invalid_grant' });
    // A JWT access token is checked offline: it stays valid until `exp` (documented in SECURITY.md).
    await me(tokens).expect(200);
    expect(decodeJwt(tokens.access_token).exp! - decodeJwt(tokens.access_token).iat!).toBeLessThanOrEqual(300);
  });

  it('refuses a token issued for another audience, logs the failure without the token and counts it', async () => {
    const since = new Date().toISOString();
    const other = await idp.signIn('ana.costa', { resource: OTHER_AUDIENCE });
    expect(decodeJwt(other.access_token).aud).toBe(OTHER_AUDIENCE);
    const refused = await me(other);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'wrong-audience' } });

    const auditor = await idp.signIn('jon.audit');
    const entry = await eventually(async () => {
      const res = await api.http
        .get(`/audit/access-log?from=${encodeURIComponent(since)}&limit=1000`)
        .set(bearer(auditor))
        .expect(200);
      const rows = res.body as Array<{ kind: string; correlationId: string }>;
      return rows.find((row) => row.correlationId === (refused.body as { correlationId: string }).correlationId);
    }, 'the failed sign-in in the access log');
    expect(entry).toMatchObject({
      kind: 'authentication',
      route: 'GET /auth/me',
      details: { reason: 'wrong-audience' },
    });
    expect(JSON.stringify(entry)).not.toContain(other.access_token.split('.')[2]);

    await api.http.get('/metrics').expect(401);
    const metrics = await api.http.get('/metrics').set(bearer(metricsToken)).expect(200);
    expect(metrics.text).toMatch(/onewindow_authentication_failures_total\{reason="wrong-audience"\} [1-9]/);
  });

  it('follows a rotation of the provider’s signing key without a restart', async () => {
    const before = await idp.signIn('max.weber');
    await me(before).expect(200);
    const oldKey = idp.signingKeyId;
    await idp.rotateKeys();
    const after = await idp.signIn('max.weber');
    expect(decodeProtectedHeader(after.access_token).kid).not.toBe(oldKey);
    expect((await me(after).expect(200)).body).toMatchObject({ id: 'max.weber', role: 'supervisor' });
    // The old key is still published, so tokens it signed keep working until they expire.
    await me(before).expect(200);
  });

  it('refuses a clerk token without a department on every route, and a token naming two roles', async () => {
    const noDepartment = await idp.signIn('no.department');
    const wrong: string[] = [];
    for (const route of await routeTable(api)) {
      if (route.roles === 'public') continue;
      const { status, code } = await callRoute(api, route, noDepartment.access_token);
      if (status !== 403 || code !== 'FORBIDDEN') wrong.push(`${route.name}: ${status}`);
    }
    expect(wrong).toEqual([]);
    const twoHats = await idp.signIn('two.hats');
    expect((await me(twoHats)).body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'ambiguous-role' } });
  });

  it('reassigns a step only to staff the provider has vouched for who may hold it', async () => {
    const applicant = await idp.signIn('acme.agent');
    const submitted = await api.http
      .post('/requests')
      .set(bearer(applicant))
      .send({ definitionKey: 'building-permit', title: 'Hall B', attributes: { floorAreaM2: 900 } })
      .expect(202);
    const id = (submitted.body as { id: string }).id;
    const supervisor = await idp.signIn('max.weber');
    await eventually(async () => {
      const res = await api.http.get(`/requests/${id}`).set(bearer(supervisor));
      const steps = (res.body as { currentSteps?: Array<{ stepId: string }> }).currentSteps ?? [];
      return steps.some((s) => s.stepId === 'intake') ? true : undefined;
    }, 'the intake step');
    await idp.signIn('ana.costa'); // a fire clerk the API has now seen
    const reassign = (assigneeId: string) =>
      api.http.post(`/requests/${id}/steps/intake/reassign`).set(bearer(supervisor)).send({ assigneeId });
    for (const assigneeId of ['acme.agent', 'ana.costa', 'somebody.unknown']) {
      const res = await reassign(assigneeId);
      expect([assigneeId, res.status, (res.body as { code: string }).code]).toEqual([assigneeId, 422, 'UNPROCESSABLE']);
    }
    const handed = await reassign('max.weber');
    expect(handed.status).toBe(200);
  });
});
