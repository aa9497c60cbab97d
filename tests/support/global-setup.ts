import './register-paths';
import { loadConfig } from '@onewindow/config';
import {
  ensurePostgres,
  ensureTemporalCli,
  findFreePort,
  recreateDatabase,
  startTemporalDevServer,
} from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import { bundleApprovalWorkflows } from '@onewindow/temporal';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STACK_KEY, TestStack } from './test-stack';

/**
 * Brings up one real Temporal dev server and one fresh, migrated PostgreSQL database for the whole
 * run; every test file reaches them through the environment its worker process inherits.
 */
export default async function globalSetup(): Promise<void> {
  const shared = globalThis as typeof globalThis & { [STACK_KEY]?: TestStack };
  if (shared[STACK_KEY]) {
    shared[STACK_KEY].users += 1;
    return;
  }
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`[stack] ${line}\n`);
  // A cluster of the tests' own, on a port the system hands out: `npm test` runs beside `npm run up`
  // (whose cluster holds EMBEDDED_PG_PORT); a second test run joins the first one's cluster and port.
  const postgres = await ensurePostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: join(config.dataDir, 'postgres-test'),
    port: config.DATABASE_URL ? config.EMBEDDED_PG_PORT : await findFreePort(),
    database: 'postgres',
    log,
  });
  const databaseUrl = await recreateDatabase(postgres.url, `onewindow_test_${process.pid}`);
  await runMigrations(databaseUrl, config.DATABASE_APP_ROLE);

  const temporal = config.TEMPORAL_ADDRESS
    ? undefined
    : await startTemporalDevServer({
        cliPath: await ensureTemporalCli({
          explicitPath: config.TEMPORAL_CLI,
          cacheDir: config.ONEWINDOW_CACHE_DIR,
          log,
        }),
        port: 0,
        uiPort: false,
        namespace: config.TEMPORAL_NAMESPACE,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        logFile: join(config.dataDir, 'temporal-test.log'),
        log,
      });

  // Bundle the workflow code once for the run instead of once per test file.
  const bundlePath = join(config.dataDir, `workflow-bundle-${process.pid}.js`);
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(bundlePath, await bundleApprovalWorkflows());

  process.env.ONEWINDOW_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.DATABASE_URL = databaseUrl;
  process.env.TEMPORAL_ADDRESS = temporal?.address ?? config.temporalAddress;
  shared[STACK_KEY] = { users: 1, postgres, temporal, databaseUrl, bundlePath };
}
