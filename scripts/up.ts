// Brings the whole system up on one machine: PostgreSQL, migrations, the Temporal dev server,
// the worker and the API, then demo data. A worker or API that dies is restarted (with back-off);
// only Ctrl-C (or SIGTERM) stops everything. With `--cluster`: a Temporal cluster (frontend, history,
// matching and worker services as separate processes on PostgreSQL), two workers and two API replicas.
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import { ensurePostgres, ensureTemporalCli, startTemporalDevServer, supervise, waitUntil } from '@onewindow/devstack';
import { DATABASE_NAME, loadConfig, StartupError, startupErrorLine } from '@onewindow/config';
import { createLogger } from '@onewindow/logging';
import { runMigrations } from '@onewindow/persistence';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startClusterStack } from './cluster-stack';
import { seedDemoData } from './seed-demo';

const config = loadConfig();
const logger = createLogger({ service: 'up', level: config.LOG_LEVEL });
const log = (line: string) => logger.info(line);

/** The data directory, made if need be; one that cannot be written is named with its setting. */
function ensureDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StartupError('ONEWINDOW_DATA_DIR', `The data directory ${dir} cannot be used (${reason})`);
  }
}

async function main(): Promise<void> {
  ensureDataDir(config.dataDir);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => logger.error({ err }, 'stopping failed'));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const postgres = await ensurePostgres({
      databaseUrl: config.DATABASE_URL,
      dataDir: join(config.dataDir, 'postgres'),
      port: config.EMBEDDED_PG_PORT,
      database: DATABASE_NAME,
      log,
    });
    stops.push(() => postgres.stop());
    log(`PostgreSQL ${postgres.embedded ? '(embedded) ' : ''}ready`);
    if (parseArgs({ options: { cluster: { type: 'boolean', default: false } } }).values.cluster) {
      const stack = await startClusterStack({
        config,
        databaseUrl: postgres.url,
        temporalPorts: { grpcBase: config.TEMPORAL_DEV_PORT, membershipBase: config.TEMPORAL_MEMBERSHIP_PORT },
        apiPorts: [config.API_PORT, config.API_PORT + 10],
        workers: 2,
        dir: join(config.dataDir, 'cluster'),
        log,
        output: (name, line) => console.log(`[${name}] ${line}`),
      });
      stops.push(() => stack.stop());
      const seeded = await seedDemoData(stack.apis[0].url);
      if (seeded > 0) log(`seeded ${seeded} demo requests`);
      console.log(
        [
          '',
          'OneWindow is up on a Temporal cluster.',
          ...stack.apis.map((api, i) => `  API replica ${i + 1}   ${api.url}  (docs ${api.url}/api/docs)`),
          `  Temporal        ${stack.temporal.address}  (frontend; history, matching, worker on the next ports)`,
          `  Temporal logs   ${join(config.dataDir, 'cluster')}/{frontend,history,matching,worker}.log`,
          `  Workers         2, on task queue ${config.TEMPORAL_TASK_QUEUE}`,
          `  Health          ${stack.apis[0].url}/health/ready`,
          '  Stop with Ctrl-C.',
          '',
        ].join('\n'),
      );
      return;
    }
    const ran = await runMigrations(postgres.url, config.DATABASE_APP_ROLE);
    log(ran.length > 0 ? `applied migrations: ${ran.join(', ')}` : 'schema up to date');

    let temporalAddress = config.temporalAddress;
    let temporalUi = 'the UI of your Temporal cluster';
    if (!config.TEMPORAL_ADDRESS) {
      const temporal = await startTemporalDevServer({
        cliPath: await ensureTemporalCli({
          explicitPath: config.TEMPORAL_CLI,
          cacheDir: config.ONEWINDOW_CACHE_DIR,
          log,
        }),
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFile: join(config.dataDir, 'temporal.sqlite'),
        namespace: config.TEMPORAL_NAMESPACE,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        logFile: join(config.dataDir, 'temporal.log'),
        log,
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl ?? temporalUi;
    }
    log(`Temporal ready at ${temporalAddress}`);

    const env = { ...process.env, DATABASE_URL: postgres.url, TEMPORAL_ADDRESS: temporalAddress };
    for (const name of ['worker', 'api']) {
      const entry = join(__dirname, '..', 'apps', name, 'src', 'main.js');
      // The apps log JSON lines of their own: passed through as they are; anything else becomes a line of ours.
      const output = (line: string) =>
        line.startsWith('{') ? process.stdout.write(`${line}\n`) : logger.info({ app: name }, line);
      const child = supervise({ name, command: process.execPath, args: [entry], env, log, output });
      stops.push(() => child.stop());
    }

    // An API bound to every interface still answers on loopback.
    const host = ['0.0.0.0', '::'].includes(config.API_HOST) ? '127.0.0.1' : config.API_HOST;
    const apiUrl = `http://${host.includes(':') ? `[${host}]` : host}:${config.API_PORT}`;
    await waitForHealth(apiUrl);
    // Demo requests are submitted through the development login; with a real provider there is none.
    if (config.devTokensAccepted && config.AUTH_DEV_LOGIN) {
      const seeded = await seedDemoData(apiUrl);
      if (seeded > 0) log(`seeded ${seeded} demo requests`);
    }

    // The one banner for the person at the terminal; everything else is a log line.
    process.stdout.write(
      [
        '',
        'OneWindow is up.',
        `  Web app         ${apiUrl}/`,
        `  API             ${apiUrl}`,
        `  OpenAPI docs    ${apiUrl}/api/docs`,
        `  Temporal UI     ${temporalUi}`,
        `  Health          ${apiUrl}/health/ready`,
        '  Stop with Ctrl-C.',
        '',
      ].join('\n') + '\n',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function waitForHealth(apiUrl: string, timeoutMs = 90_000): Promise<void> {
  await waitUntil(`the API to answer ${apiUrl}/health`, async () => (await fetch(`${apiUrl}/health`)).ok, {
    timeoutMs,
    intervalMs: 500,
  });
}

// One line naming what failed and the setting behind it; no stack.
main().catch((err: unknown) => {
  logger.error(startupErrorLine(err, config));
  process.exit(1);
});
