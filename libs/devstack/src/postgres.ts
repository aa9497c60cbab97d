import { Client } from 'pg';
import { DevstackSetupError } from './devstack-error';
import { EMBEDDED_PG_PASSWORD, EMBEDDED_PG_USER, startEmbeddedCluster } from './embedded-postgres';
import { databaseNameOf, redactUrl, withDatabase } from './postgres-url';

export interface PostgresHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EnsurePostgresOptions {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

const CONNECT_TIMEOUT_MS = 10_000;
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
const PROTECTED_DATABASES = new Set(['postgres', 'template0', 'template1']);

/**
 * A PostgreSQL database to use: the one databaseUrl names (created if missing), or else a database
 * in an embedded cluster kept in dataDir. stop() stops only what this call started.
 */
export async function ensurePostgres(opts: EnsurePostgresOptions): Promise<PostgresHandle> {
  const log = opts.log ?? (() => undefined);
  if (opts.databaseUrl) {
    await createDatabaseIfMissing(opts.databaseUrl, log);
    return { url: opts.databaseUrl, embedded: false, stop: () => Promise.resolve() };
  }
  const startedAt = Date.now();
  const cluster = await startEmbeddedCluster({ dataDir: opts.dataDir, port: opts.port, log });
  const url = `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${cluster.port}/${encodeURIComponent(opts.database)}`;
  try {
    await createDatabaseIfMissing(url, log);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  log(`Embedded PostgreSQL ready on 127.0.0.1:${cluster.port} in ${Date.now() - startedAt} ms`);
  return { url, embedded: true, stop: () => cluster.stop() };
}

/** Drops the database if it exists (ending its sessions) and creates it empty; returns its URL. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<string> {
  assertDisposable(database);
  await withMaintenanceClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  });
  return withDatabase(serverUrl, database);
}

/** Drops the database a URL names, ending its sessions; a missing database is fine. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const database = requireDatabaseName(databaseUrl);
  assertDisposable(database);
  await withMaintenanceClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  });
}

function assertDisposable(database: string): void {
  if (PROTECTED_DATABASES.has(database)) throw new Error(`Refusing to drop the system database "${database}"`);
}

function requireDatabaseName(url: string): string {
  const database = databaseNameOf(url);
  if (!database) throw new DevstackSetupError(`The database URL ${redactUrl(url)} must name a database (…/dbname).`);
  return database;
}

async function createDatabaseIfMissing(url: string, log: (line: string) => void): Promise<void> {
  const database = requireDatabaseName(url);
  try {
    await withClient(url, () => Promise.resolve());
    return;
  } catch (error) {
    // Only a missing database is ours to fix; anything else (auth, network) goes to the user.
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw connectionError(url, error);
  }
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      log(`Created database ${database}`);
    } catch (error) {
      // Someone else created it in the meantime: that is what we wanted.
      if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
    }
  });
}

/** Runs work on the server's maintenance database: `postgres`, or `template1` where hosts rename it. */
async function withMaintenanceClient(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  try {
    await withClient(withDatabase(url, 'postgres'), work);
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
    await withClient(withDatabase(url, 'template1'), work);
  }
}

async function withClient(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An error event after connect (server shutting down) must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function connectionError(url: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new DevstackSetupError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`);
}
