import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { DevstackSetupError } from './devstack-error';
import { sqlConnection } from './temporal-cluster-config';
import type { TemporalServerBinaries } from './temporal-server-build';

/**
 * Creates Temporal's two databases if missing and brings both schemas to the module's latest version
 * with the SQL tool (setup at 0.0 the first time, then update through the versioned folders).
 */
export async function provisionTemporalSchemas(opts: {
  binaries: TemporalServerBinaries;
  postgresUrl: string;
  databasePrefix: string;
  log?: (line: string) => void;
}): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const { host, port, user, password } = sqlConnection(opts.postgresUrl);
  const tool = async (database: string, args: string[]) => {
    const common = ['--plugin', 'postgres12', '--ep', host, '-p', String(port), '-u', user, '--db', database];
    if (password) common.push('--pw', password);
    try {
      await promisify(execFile)(opts.binaries.sqlTool, [...common, ...args], { timeout: 120_000 });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string };
      throw new DevstackSetupError(
        `temporal-sql-tool ${args[0]} on ${database} failed: ${(e.stderr || e.stdout || String(error)).trim()}`,
      );
    }
  };
  for (const [database, folder] of [
    [opts.databasePrefix, 'temporal'],
    [`${opts.databasePrefix}_visibility`, 'visibility'],
  ]) {
    await tool(database, ['--quiet', 'create-database']);
    if (!(await hasSchemaVersion(opts.postgresUrl, database))) await tool(database, ['setup-schema', '-v', '0.0']);
    await tool(database, ['update-schema', '-d', join(opts.binaries.schemaDir, folder, 'versioned')]);
    log(`Temporal schema ${folder} up to date in database ${database}`);
  }
}

async function hasSchemaVersion(postgresUrl: string, database: string): Promise<boolean> {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  const client = new PgClient({ connectionString: url.toString() });
  await client.connect();
  try {
    const rows = await client.query<{ present: boolean }>(
      `SELECT to_regclass('schema_version') IS NOT NULL AS present`,
    );
    return rows.rows[0].present;
  } finally {
    await client.end();
  }
}
