import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { AppProcess, startAppProcess } from '../support/app-process';
import { eventually } from '../support/test-env';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The API and the worker as the real processes they are in production, each writing its own log. */
describe('correlation id across processes', () => {
  jest.setTimeout(180_000);
  let api: AppProcess;
  let worker: AppProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    const env = {
      TEMPORAL_TASK_QUEUE: `correlation-${randomUUID()}`,
      API_PORT: String(port),
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
      // Temporal logs an activity's start and end at debug level.
      LOG_LEVEL: 'debug',
    };
    worker = startAppProcess('worker', env);
    api = startAppProcess('api', env);
    baseUrl = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${baseUrl}/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      `the API at ${baseUrl}/health (its output: ${api.lines.slice(-5).join(' | ')})`,
      120_000,
    );
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  it("finds a submission's correlation id in the API's and the worker's activity log lines", async () => {
    const correlationId = `submit-${randomUUID()}`;
    const login = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'acme-battery' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const submit = await fetch(`${baseUrl}/requests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({
        definitionKey: 'building-permit',
        title: 'Battery plant, hall A',
        attributes: { floorAreaM2: 1200 },
      }),
    });
    expect(submit.status).toBe(202);
    expect(submit.headers.get('x-correlation-id')).toBe(correlationId);

    const apiLines = await eventually(() => {
      const found = api.entries().filter((e) => e.correlationId === correlationId);
      return Promise.resolve(found.length > 0 ? found : undefined);
    }, 'an API log line with the correlation id');
    expect(apiLines).toContainEqual(
      expect.objectContaining({
        service: 'api',
        msg: 'request completed',
        req: { method: 'POST', url: '/requests' },
        res: { statusCode: 202 },
      }),
    );
    // The request line names the call, never the caller's token.
    expect(api.lines.join('\n')).not.toContain(accessToken);

    const activityLines = await eventually(() => {
      const found = worker.entries().filter((e) => e.correlationId === correlationId);
      return Promise.resolve(found.length > 0 ? found : undefined);
    }, 'a worker log line with the correlation id');
    expect(activityLines).toContainEqual(
      expect.objectContaining({ service: 'worker', activityType: 'recordTransitions' }),
    );
  });
});
