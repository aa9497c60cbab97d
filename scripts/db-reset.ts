// Drops the OneWindow database, creates it empty and applies every migration.
import { DATABASE_NAME, loadConfig } from '@onewindow/config';
import { ensurePostgres, recreateDatabase } from '@onewindow/devstack';
import { createLogger } from '@onewindow/logging';
import { runMigrations } from '@onewindow/persistence';
import { join } from 'node:path';

const config = loadConfig();
const logger = createLogger({ service: 'db-reset', level: config.LOG_LEVEL });

async function main(): Promise<void> {
  const postgres = await ensurePostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    database: 'postgres',
  });
  try {
    const database = config.DATABASE_URL ? new URL(config.DATABASE_URL).pathname.slice(1) : DATABASE_NAME;
    const url = await recreateDatabase(postgres.url, database);
    const ran = await runMigrations(url, config.DATABASE_APP_ROLE);
    logger.info({ database, migrations: ran }, `Database ${database} recreated; applied ${ran.length} migrations.`);
  } finally {
    await postgres.stop();
  }
}

main().catch((err: unknown) => {
  logger.error({ err }, err instanceof Error ? err.message : String(err));
  process.exit(1);
});
