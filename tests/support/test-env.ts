import { consulteeLinksFor } from '@onewindow/notifications';
import { createRecordActivities } from '@onewindow/activities';
import { loadConfig } from '@onewindow/config';
import { RecordActivities } from '@onewindow/contracts';
import { createDataSource, createIssuingDataSource } from '@onewindow/persistence';
import { createBlobStore } from '@onewindow/documents';
import { waitUntil } from '@onewindow/devstack';
import { createDocumentIssuer } from '@onewindow/issuance';
import { createApprovalWorker } from '@onewindow/temporal';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A real worker on its own task queue, a Temporal client and a database connection, all pointed at
 * the stack that global setup started. `activities` lets a test wrap the real activities.
 */
export interface TestEnv {
  db: DataSource;
  client: Client;
  taskQueue: string;
  worker: Worker;
  close(): Promise<void>;
}

export interface TestEnvOptions {
  wrap?: (real: RecordActivities) => RecordActivities;
  taskQueue?: string;
}

let runtimeInstalled = false;

/** Worker state changes and retries are expected in tests; only warnings and errors are worth showing. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export async function startTestEnv({
  wrap = (real) => real,
  taskQueue = `test-${randomUUID()}`,
}: TestEnvOptions = {}): Promise<TestEnv> {
  installQuietRuntime();
  const config = loadConfig();
  const db = await createDataSource(config.databaseUrl).initialize();
  const issuingDb = await createIssuingDataSource(config.databaseUrl).initialize();
  const issuer = await createDocumentIssuer(config, createBlobStore(config, issuingDb));
  const nativeConnection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await createApprovalWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    activities: wrap(createRecordActivities({ db, issuer, links: consulteeLinksFor(config) })),
    workflowBundlePath: process.env.ONEWINDOW_TEST_WORKFLOW_BUNDLE,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: config.temporalAddress });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return {
    db,
    client,
    taskQueue,
    worker,
    async close() {
      // A test that stopped the worker itself (to take it away from the queue) has nothing to stop here.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      await db.destroy();
      await issuingDb.destroy();
    },
  };
}

/** Polls until `probe` returns a value (anything but undefined); for effects that arrive asynchronously. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const found = await waitUntil(
    what,
    async () => {
      const value = await probe();
      // Wrapped, so that false and null count as found: here only undefined means "not yet".
      return value === undefined ? undefined : { value };
    },
    { timeoutMs, intervalMs: 100 },
  );
  return found.value;
}
