import { loadConfig } from '@onewindow/config';
import { CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';

describe('operations and the HTTP surface', () => {
  let api: TestApi;
  let driver: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(() => api?.close());

  it('documents every route Nest serves in the OpenAPI document', async () => {
    // Leaving out the API's own documentation and the web app's catch-all (present when it is built).
    const served = api.servedRoutes
      .filter((route) => !route.split(' ')[1].startsWith('/api/docs') && route !== 'GET /*')
      .map((route) => route.replace(/:(\w+)/g, '{$1}'));
    const doc = (await api.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(25);
    expect(new Set(documented)).toEqual(new Set(served));
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /work-queue',
        'GET /work-queue/events',
        'POST /work-queue/decisions',
        'GET /requests/{id}/events',
        'POST /requests/{id}/steps/{stepId}/decision',
        'GET /metrics',
      ]),
    );
    await api.http.get('/api/docs').expect(200);
  });

  it('exposes Prometheus metrics: HTTP traffic by route and status, workflow starts, decisions, overdue steps', async () => {
    const id = await driver.submitPermit('acme-battery');
    await driver
      .decide('clerk-building', id, 'intake', { outcome: 'complete' })
      .then((r) => expect(r.status).toBe(200));
    await api.env.db.query(
      `UPDATE open_tasks SET due_at = now() - interval '1 day' WHERE request_id = $1 AND step_id = 'fire-review'`,
      [id],
    );
    const res = await api.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = res.text;
    expect(text).toMatch(/onewindow_http_requests_total\{method="GET",route="\/requests\/:id",status="200"\} \d+/);
    expect(text).toMatch(
      /onewindow_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/requests",status="202"\}/,
    );
    expect(text).toMatch(/onewindow_workflow_starts_total\{definition="building-permit"\} [1-9]/);
    expect(text).toMatch(/onewindow_decisions_total\{outcome="complete"\} [1-9]/);
    expect(text).toMatch(/onewindow_overdue_steps\{department="fire"\} [1-9]/);
  });

  it('answers health', async () => {
    expect((await api.http.get('/health').expect(200)).body).toEqual({ status: 'ok', postgres: 'up', temporal: 'up' });
  });

  describe('bearer tokens', () => {
    const config = loadConfig();
    const secret = new TextEncoder().encode(config.AUTH_DEV_SECRET);
    const claims = { role: 'supervisor', name: 'Mallory' };
    const sign = (edit: (jwt: SignJWT) => SignJWT = (j) => j, key: Uint8Array = secret): Promise<string> =>
      edit(
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('supervisor')
          .setIssuer(config.AUTH_ISSUER)
          .setAudience(config.AUTH_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('1h'),
      ).sign(key);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('accepts a well-formed token', async () => {
      await api.http
        .get('/auth/me')
        .set('authorization', `Bearer ${await sign()}`)
        .expect(200);
    });

    it.each<[string, () => Promise<string>]>([
      ['expired', () => sign((j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 60))],
      ['for another audience', () => sign((j) => j.setAudience('someone-else'))],
      ['from another issuer', () => sign((j) => j.setIssuer('https://evil.example'))],
      ['signed with another key', () => sign((j) => j, new TextEncoder().encode('x'.repeat(40)))],
      [
        'with alg=none',
        () =>
          Promise.resolve(
            `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'supervisor', role: 'supervisor', iss: config.AUTH_ISSUER, aud: config.AUTH_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
          ),
      ],
      [
        'tampered (role raised after signing)',
        async () => {
          const [header, , signature] = (await api.login('acme-battery')).split('.');
          const payload = {
            sub: 'acme-battery',
            role: 'supervisor',
            iss: config.AUTH_ISSUER,
            aud: config.AUTH_AUDIENCE,
            exp: Math.floor(Date.now() / 1000) + 3600,
          };
          return `${header}.${b64(payload)}.${signature}`;
        },
      ],
      [
        'without a role',
        () =>
          new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('x')
            .setIssuer(config.AUTH_ISSUER)
            .setAudience(config.AUTH_AUDIENCE)
            .setExpirationTime('1h')
            .sign(secret),
      ],
      ['garbage', () => Promise.resolve('a.b.c')],
      ['10 kB of junk', () => Promise.resolve('x'.repeat(10_000))],
    ])('refuses a token %s with 401', async (_name, token) => {
      const res = await api.http.get('/auth/me').set('authorization', `Bearer ${await token()}`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', correlationId: expect.any(String) });
    });

    it('refuses a missing or non-bearer authorization header with 401', async () => {
      await api.http.get('/requests').expect(401);
      await api.http
        .get('/requests')
        .set('authorization', `Basic ${Buffer.from('a:b').toString('base64')}`)
        .expect(401);
    });
  });
});

describe('an external OIDC provider (AUTH_JWKS_URL)', () => {
  let api: TestApi;
  let jwks: Server;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    api = await startTestApi({
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_ISSUER: 'https://idp.test',
      AUTH_AUDIENCE: 'onewindow',
    });
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const idpToken = (key: CryptoKey = privateKey) =>
    new SignJWT({ role: 'clerk', department: 'fire' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('ana.costa')
      .setIssuer('https://idp.test')
      .setAudience('onewindow')
      .setExpirationTime('5m')
      .sign(key);

  it("accepts the provider's RS256 tokens and nothing else", async () => {
    const me = await api.http
      .get('/auth/me')
      .set('authorization', `Bearer ${await idpToken()}`)
      .expect(200);
    expect(me.body).toEqual({ id: 'ana.costa', role: 'clerk', department: 'fire' });
    const forged = await idpToken((await generateKeyPair('RS256')).privateKey);
    await api.http.get('/auth/me').set('authorization', `Bearer ${forged}`).expect(401);
    const devToken = await new SignJWT({ role: 'clerk' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('https://idp.test')
      .setAudience('onewindow')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(loadConfig().AUTH_DEV_SECRET));
    await api.http.get('/auth/me').set('authorization', `Bearer ${devToken}`).expect(401);
    await api.http.post('/auth/login').send({ username: 'supervisor' }).expect(401);
  });
});

describe('rate limiting', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '6' });
  });
  afterAll(() => api?.close());

  it('answers 429 with Retry-After once a caller spends its burst, and keeps callers apart', async () => {
    const auditor = { authorization: `Bearer ${await api.login('auditor')}` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await api.http.get('/requests').set(auditor)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await api.http.get('/requests').set(auditor);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', correlationId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await api.http
      .get('/requests')
      .set({ authorization: `Bearer ${await api.login('supervisor')}` })
      .expect(200);
  });
});
