import { loadConfig } from '@onewindow/config';
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import {
  EMBEDDED_PG_PASSWORD,
  EMBEDDED_PG_USER,
  EmbeddedCluster,
  ensureTemporalCli,
  findFreePort,
  recreateDatabase,
  startEmbeddedCluster,
  startTemporalDevServer,
  TemporalDevServer,
} from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually, startTestEnv } from '../support/test-env';

/**
 * The API and its worker on a PostgreSQL and a Temporal server of their own, which the tests stop
 * and start again: an outage answers 503 with Retry-After, never 500, and both heal alone.
 */
describe('dependency outages', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS };
  const quiet = () => undefined;
  let dir: string;
  let pgPort: number;
  let pg: EmbeddedCluster;
  let temporalPort: number;
  let cliPath: string;
  let temporal: TemporalDevServer;
  let api: TestApi;
  let driver: ApiDriver;

  const startPostgres = async () => {
    pg = await startEmbeddedCluster({ dataDir: join(dir, 'postgres'), port: pgPort, log: quiet });
  };
  const startTemporal = async () => {
    temporal = await startTemporalDevServer({
      cliPath,
      port: temporalPort,
      uiPort: false,
      dbFile: join(dir, 'temporal.db'),
      namespace: loadConfig().TEMPORAL_NAMESPACE,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      logFile: join(dir, 'temporal.log'),
    });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onewindow-outages-'));
    // As root, the embedded PostgreSQL runs as "postgres", which must reach its data directory.
    await chmod(dir, 0o755);
    [pgPort, temporalPort] = [await findFreePort(), await findFreePort()];
    cliPath = await ensureTemporalCli({ cacheDir: loadConfig().ONEWINDOW_CACHE_DIR });
    await startPostgres();
    await startTemporal();
    const server = `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${pgPort}/postgres`;
    process.env.DATABASE_URL = await recreateDatabase(server, 'onewindow_outages');
    process.env.TEMPORAL_ADDRESS = temporal.address;
    await runMigrations(process.env.DATABASE_URL, loadConfig().DATABASE_APP_ROLE);
    api = await startTestApi({ REQUEST_DEADLINE_SECONDS: '3' });
    driver = new ApiDriver(api);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await temporal?.stop();
    await pg?.stop();
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  });

  const key = () => `outage-${Math.random().toString(36).slice(2)}`;
  const expectOutage = (res: Response, details: object) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ code: 'UNAVAILABLE', details, correlationId: expect.any(String) });
  };
  const ready = () => api.http.get('/health/ready');

  /** The intake decision with the same Idempotency-Key, retried on 503 as a client does. */
  const retryWhileUnavailable = (id: string, idempotencyKey: string, what: string, timeoutMs: number) =>
    eventually(
      async () => {
        const res = await driver.decide(
          'clerk-building',
          id,
          'intake',
          { outcome: 'complete' },
          { 'idempotency-key': idempotencyKey },
        );
        return res.status === 503 ? undefined : res;
      },
      what,
      timeoutMs,
    );

  it('answers 503 with Retry-After while PostgreSQL is down, and serves the same action once it is back', async () => {
    const id = await driver.submitPermit('acme-battery');
    const k = key();
    await api.login('clerk-building');
    await api.login('auditor');
    await pg.stop();

    expectOutage(await driver.get('auditor', `/requests/${id}`), { dependency: 'PostgreSQL' });
    expectOutage(
      await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' }, { 'idempotency-key': k }),
      { dependency: 'PostgreSQL' },
    );
    const probe = await ready();
    expect(probe.status).toBe(503);
    expect(probe.body).toMatchObject({ details: { postgres: 'down', temporal: 'up' } });
    expect((await api.http.get('/health/live')).status).toBe(200);

    await startPostgres();
    await eventually(async () => ((await ready()).status === 200 ? true : undefined), 'the API to see PostgreSQL');
    const decided = await driver.decide(
      'clerk-building',
      id,
      'intake',
      { outcome: 'complete' },
      { 'idempotency-key': k },
    );
    expect(decided.status).toBe(200);
    expect(await driver.transitionCount(id)).toBeGreaterThan(2);
  });

  it('answers 503 while Temporal is down, and carries out the action after it returns', async () => {
    const id = await driver.submitPermit('acme-battery');
    await driver.detail(id);
    const k = key();
    await temporal.stop();

    expectOutage(
      await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' }, { 'idempotency-key': k }),
      { dependency: 'Temporal' },
    );
    const probe = await ready();
    expect(probe.status).toBe(503);
    expect(probe.body).toMatchObject({ details: { postgres: 'up', temporal: 'down' } });

    await startTemporal();
    const decided = await retryWhileUnavailable(id, k, 'the action to go through after Temporal returned', 60_000);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'in_progress' });
  });

  it('answers 503 when no worker takes the action, and the retry with the same key completes it once one does', async () => {
    const id = await driver.submitPermit('acme-battery');
    await driver.detail(id);
    const k = key();
    api.env.worker.shutdown();
    await eventually(
      () => Promise.resolve(api.env.worker.getState() === 'STOPPED' ? true : undefined),
      'the worker to stop',
    );

    // Temporal is up: the answer says the call ran out of time, not that a dependency is down.
    expectOutage(
      await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' }, { 'idempotency-key': k }),
      { reason: 'deadline' },
    );

    const worker = await startTestEnv({ taskQueue: api.env.taskQueue });
    try {
      // As a client does: retry on 503. The workflow's next task may still wait for the stopped worker's
      // sticky queue to time out before the new worker is given it.
      const decided = await retryWhileUnavailable(id, k, 'the action to go through once a worker polls', 30_000);
      expect(decided.status).toBe(200);
      const timeline = (await driver.detail(id)).timeline;
      expect(timeline.filter((t) => t.stepId === 'intake' && t.outcome === 'complete')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
