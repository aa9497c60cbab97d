import { loadConfig } from '@onewindow/config';
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import {
  dropDatabase,
  ensurePostgres,
  ensureTemporalCli,
  findFreePort,
  PostgresHandle,
  recreateDatabase,
  startTemporalDevServer,
  TemporalDevServer,
  waitUntil,
  WaitOptions,
} from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { Client, Connection } from '@temporalio/client';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { announce } from './support/progress';
import { Child, childPidsNamed, startChild } from './support/processes';

const READY_TIMEOUT_MS = 120_000;

/** Everything one bench run talks to: its own database, a Temporal server, the api and both workers. */
export interface BenchStack {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  baselineTaskQueue: string;
  apiUrl: string;
  /** The built web app the API serves at `/`. */
  webDistDir: string;
  client: Client;
  pool: Pool;
  api: Child;
  worker: Child;
  baselineWorker: Child;
  /** The Temporal dev server's pid when this run started it. */
  temporalPid?: number;
  temporalStartedHere: boolean;
  stop(options: { keepDatabase: boolean }): Promise<void>;
}

/**
 * Brings the stack up as `npm run up` does, but isolated: a fresh database on the configured (or
 * embedded) PostgreSQL, a Temporal dev server on a free port unless TEMPORAL_ADDRESS names one, and
 * the API, the real worker and the baseline worker as child processes on task queues of their own.
 */
export async function startStack(outDir: string, opts: { profile: boolean }): Promise<BenchStack> {
  const config = loadConfig();
  const distRoot = join(__dirname, '..');
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((e: unknown) => console.error(e));
  };
  try {
    const postgres: PostgresHandle = await ensurePostgres({
      databaseUrl: config.DATABASE_URL,
      dataDir: join(config.dataDir, 'postgres'),
      port: config.EMBEDDED_PG_PORT,
      database: 'postgres',
      log: announce,
    });
    cleanups.push(() => postgres.stop());
    const databaseUrl = await recreateDatabase(postgres.url, `onewindow_bench_${process.pid}`);
    let keepDatabase = false;
    cleanups.push(() => (keepDatabase ? Promise.resolve() : dropDatabase(databaseUrl)));
    await runMigrations(databaseUrl, config.DATABASE_APP_ROLE);
    announce(`database ${databaseUrl.replace(/:[^:@/]*@/, ':***@')} migrated`);

    let temporal: TemporalDevServer | undefined;
    if (!config.TEMPORAL_ADDRESS) {
      temporal = await startTemporalDevServer({
        cliPath: await ensureTemporalCli({
          explicitPath: config.TEMPORAL_CLI,
          cacheDir: config.ONEWINDOW_CACHE_DIR,
          log: announce,
        }),
        port: 0,
        uiPort: false,
        namespace: config.TEMPORAL_NAMESPACE,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        logFile: join(outDir, 'temporal.log'),
        log: announce,
      });
      cleanups.push(() => temporal!.stop());
    }
    const temporalAddress = temporal?.address ?? config.temporalAddress;
    const temporalPid = temporal ? (await childPidsNamed('temporal'))[0] : undefined;

    const connection = await Connection.connect({ address: temporalAddress });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const pool = new Pool({ connectionString: databaseUrl, max: 4, application_name: 'onewindow-bench' });
    cleanups.push(() => pool.end());

    const taskQueue = `bench-${process.pid}`;
    const baselineTaskQueue = `bench-baseline-${process.pid}`;
    const apiPort = await findFreePort('127.0.0.1');
    const webDistDir = join(distRoot, 'web');
    if (!existsSync(join(webDistDir, 'index.html')))
      throw new Error(`no built web app in ${webDistDir} (npm run build)`);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      API_PORT: String(apiPort),
      WEB_DIST_DIR: webDistDir,
      LOG_LEVEL: 'warn',
      // One simulated user makes thousands of calls a minute; the limiter still runs on every call.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '1000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
      RATE_LIMIT_ADDRESS_BURST: '1000000',
    };
    const profiled = (name: string): [NodeJS.ProcessEnv, string[]] =>
      opts.profile
        ? [
            { ...env, BENCH_PROFILE_FILE: profilePath(outDir, name) },
            ['-r', join(__dirname, 'support', 'cpu-profile-preload.js')],
          ]
        : [env, []];
    const children = {
      worker: startChild(
        'worker',
        join(distRoot, 'apps', 'worker', 'src', 'main.js'),
        ...withLog(profiled('worker'), join(outDir, 'worker.log')),
      ),
      api: startChild('api', join(__dirname, 'api', 'main.js'), ...withLog(profiled('api'), join(outDir, 'api.log'))),
      baselineWorker: startChild(
        'baseline-worker',
        join(__dirname, 'baseline', 'baseline-worker.js'),
        { ...env, TEMPORAL_TASK_QUEUE: baselineTaskQueue },
        join(outDir, 'baseline-worker.log'),
      ),
    };
    for (const child of Object.values(children)) cleanups.push(() => child.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await Promise.all([
      waitUntil(`the API at ${apiUrl}/health`, () => isHealthy(apiUrl), ready(children.api)),
      waitUntil(`the worker on ${taskQueue}`, () => hasPoller(client, taskQueue), ready(children.worker)),
      waitUntil(
        `the baseline worker on ${baselineTaskQueue}`,
        () => hasPoller(client, baselineTaskQueue),
        ready(children.baselineWorker),
      ),
    ]);
    announce(`stack up: api ${apiUrl}, Temporal ${temporalAddress}${temporal ? ' (own dev server)' : ''}`);
    return {
      databaseUrl,
      temporalAddress,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      baselineTaskQueue,
      apiUrl,
      webDistDir,
      client,
      pool,
      ...children,
      temporalPid,
      temporalStartedHere: temporal !== undefined,
      async stop(options) {
        keepDatabase = options.keepDatabase;
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function profilePath(outDir: string, name: string): string {
  return join(outDir, `${name}.cpuprofile`);
}

function withLog(
  [env, nodeArgs]: [NodeJS.ProcessEnv, string[]],
  logFile: string,
): [NodeJS.ProcessEnv, string, string[]] {
  return [env, logFile, nodeArgs];
}

/** How long a child of the bench has to come up, given up on at once if it exits (its log says why). */
function ready(child: Child): WaitOptions {
  return { timeoutMs: READY_TIMEOUT_MS, child };
}

async function isHealthy(apiUrl: string): Promise<boolean> {
  const response = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2_000) });
  return response.ok;
}

async function hasPoller(client: Client, taskQueue: string): Promise<boolean> {
  const described = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
  });
  return (described.pollers?.length ?? 0) > 0;
}
