// Drops the OneWindow database, creates it empty and applies every migration.
import { DATABASE_NAME, loadConfig } from '@onewindow/config';
import { ensurePostgres, recreateDatabase } from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { join } from 'node:path';

async function main(): Promise<void> {
  const config = loadConfig();
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
    console.log(`Database ${database} recreated; applied ${ran.length} migrations.`);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
