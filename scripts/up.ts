// Brings the whole system up on one machine: PostgreSQL, migrations, the Temporal dev server,
// the worker and the API, then demo data; stops everything on Ctrl-C.
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import { ensurePostgres, ensureTemporalCli, startTemporalDevServer } from '@onewindow/devstack';
import { DATABASE_NAME, loadConfig } from '@onewindow/config';
import { runMigrations } from '@onewindow/persistence';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoData } from './seed-demo';

const log = (line: string) => console.log(`[up] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e));
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
    stops.push(supervise('worker', join(__dirname, '..', 'apps', 'worker', 'src', 'main.js'), env));
    stops.push(supervise('api', join(__dirname, '..', 'apps', 'api', 'src', 'main.js'), env));

    const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
    await waitForHealth(apiUrl);
    const seeded = await seedDemoData(apiUrl);
    if (seeded > 0) log(`seeded ${seeded} demo requests`);

    console.log(
      [
        '',
        'OneWindow is up.',
        `  API             ${apiUrl}`,
        `  OpenAPI docs    ${apiUrl}/api/docs`,
        `  Temporal UI     ${temporalUi}`,
        `  Health          ${apiUrl}/health`,
        '  Stop with Ctrl-C.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Runs one app as a child process, prefixing its output; returns how to stop it. */
function supervise(name: string, entry: string, env: NodeJS.ProcessEnv): () => Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => console.log(`[${name}] ${line}`));
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  let stopping = false;
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[up] ${name} exited with code ${code}; stopping`);
      process.kill(process.pid, 'SIGTERM');
    }
  });
  return async () => {
    stopping = true;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

async function waitForHealth(apiUrl: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${apiUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The API did not become healthy at ${apiUrl}/health within ${timeoutMs / 1000}s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
