import { SseReader } from '../support/http-client';
import { startTestApi, TestApi } from '../support/test-api';

describe('limits per client address, before authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_ADDRESS_BURST: '5', RATE_LIMIT_ADDRESS_PER_MINUTE: '6' });
  });
  afterAll(() => api?.close());

  it('turns away a burst of token guesses with 429 before any token is checked', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await api.http.get('/requests').set('authorization', `Bearer guess-${i}`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await api.http.post('/auth/login').send({ username: 'admin' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', correlationId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('limits per client address behind a trusted proxy', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      API_TRUST_PROXY: 'loopback',
      RATE_LIMIT_ADDRESS_BURST: '2',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1',
    });
  });
  afterAll(() => api?.close());

  it('counts each client the proxy names apart, not the proxy itself', async () => {
    const from = (address: string) => api.http.get('/health').set('x-forwarded-for', address);
    const first = [(await from('203.0.113.7')).status, (await from('203.0.113.7')).status];
    expect(first).toEqual([200, 200]);
    expect((await from('203.0.113.7')).status).toBe(429);
    expect((await from('198.51.100.20')).status).toBe(200);
  });
});

describe('failed authentication and event streams', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LIVE_STREAMS_PER_USER: '2' });
  });
  afterAll(() => api?.close());

  it('writes a failed authentication to the access log with its reason and address, never the token', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2VjcmV0LXNpZ25hdHVyZQ';
    const refused = await api.http.get('/requests').set('authorization', `Bearer ${token}`).expect(401);
    const { correlationId } = refused.body as { correlationId: string };
    const rows = await waitForRows(api, correlationId);
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'authentication',
        route: 'GET /requests',
        actor_id: null,
        details: expect.objectContaining({
          code: 'UNAUTHENTICATED',
          reason: 'bad-signature',
          address: expect.any(String),
        }),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('c2VjcmV0LXNpZ25hdHVyZQ');
    const metrics = await api.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/onewindow_authentication_failures_total\{reason="bad-signature"\} [1-9]/);
  });

  it('holds each user to LIVE_STREAMS_PER_USER open event streams; closing one frees a place', async () => {
    const token = await api.login('clerk-fire');
    const first = await SseReader.open(api, '/work-queue/events', token);
    const second = await SseReader.open(api, '/work-queue/events', token);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await api.http.get('/work-queue/events').set('authorization', `Bearer ${token}`);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'RATE_LIMITED' });
    // Another user is not held to this user's streams.
    const other = await SseReader.open(api, '/work-queue/events', await api.login('clerk-building'));
    expect(other.status).toBe(200);
    other.close();
    first.close();
    const again = await waitForStream(api, token);
    expect(again.status).toBe(200);
    again.close();
    second.close();
  });

  it('counts the notification stream against the same limit', async () => {
    const token = await api.login('clerk-environment');
    const bells = [
      await SseReader.open(api, '/notifications/events', token),
      await SseReader.open(api, '/notifications/events', token),
    ];
    expect(bells.map((b) => b.status)).toEqual([200, 200]);
    const third = await api.http.get('/notifications/events').set('authorization', `Bearer ${token}`);
    expect([third.status, (third.body as { code?: string }).code]).toEqual([429, 'RATE_LIMITED']);
    const queue = await api.http.get('/work-queue/events').set('authorization', `Bearer ${token}`);
    expect(queue.status).toBe(429);
    for (const bell of bells) bell.close();
  });
});

async function waitForRows(api: TestApi, correlationId: string): Promise<Array<Record<string, unknown>>> {
  for (;;) {
    const rows: Array<Record<string, unknown>> = await api.env.db.query(
      `SELECT kind, route, actor_id, details FROM access_log WHERE correlation_id = $1`,
      [correlationId],
    );
    if (rows.length > 0) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server learns that a stream closed a moment after the client hangs up: retry until it has. */
async function waitForStream(api: TestApi, token: string): Promise<SseReader> {
  for (;;) {
    const reader = await SseReader.open(api, '/work-queue/events', token);
    if (reader.status === 200) return reader;
    reader.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
