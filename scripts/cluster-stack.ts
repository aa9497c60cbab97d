// OneWindow on a Temporal cluster, all on one machine: Temporal's four services as separate processes on
// PostgreSQL, several workers and several API replicas; every process supervised (restarted if it dies).
import { AppConfig } from '@onewindow/config';
import { SEARCH_ATTRIBUTE_TYPES } from '@onewindow/contracts';
import {
  ClusterPorts,
  ClusterTls,
  ensureTemporalServer,
  serviceLogWriter,
  startTemporalCluster,
  supervise,
  SupervisedProcess,
  TemporalCluster,
  waitUntil,
} from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ClusterStackOptions {
  config: AppConfig;
  /** OneWindow's database; Temporal's databases are created on the same PostgreSQL server. */
  databaseUrl: string;
  temporalPorts: ClusterPorts;
  apiPorts: number[];
  workers: number;
  dir: string;
  log: (line: string) => void;
  /** Output of a OneWindow process (api-1, worker-2, ...); Temporal's goes to files in dir. */
  output: (name: string, line: string) => void;
  retentionDays?: number;
  /** TLS on Temporal's frontend; the workers and API replicas then connect with TEMPORAL_TLS_CA_FILE. */
  tls?: ClusterTls;
  /**
   * Where OneWindow's workers and replicas reach PostgreSQL and Temporal's frontend instead of directly
   * (the chaos run puts a fault proxy there); Temporal's own services always connect directly.
   */
  via?: (direct: { databaseUrl: string; temporalAddress: string }) => { databaseUrl: string; temporalAddress: string };
}

export interface ClusterStack {
  temporal: TemporalCluster;
  apis: { url: string; process: SupervisedProcess }[];
  workers: SupervisedProcess[];
  stop(): Promise<void>;
}

export async function startClusterStack(opts: ClusterStackOptions): Promise<ClusterStack> {
  const { config, log } = opts;
  await mkdir(opts.dir, { recursive: true });
  const ran = await runMigrations(opts.databaseUrl, config.DATABASE_APP_ROLE);
  log(ran.length > 0 ? `applied migrations: ${ran.join(', ')}` : 'schema up to date');

  const server = new URL(opts.databaseUrl);
  // Temporal's databases sit beside OneWindow's and take its name: onewindow_temporal(_visibility).
  const databasePrefix = `${decodeURIComponent(server.pathname.slice(1)) || 'onewindow'}_temporal`;
  server.pathname = '/postgres';
  const temporal = await startTemporalCluster({
    binaries: await ensureTemporalServer({ cacheDir: config.ONEWINDOW_CACHE_DIR, log }),
    postgresUrl: server.toString(),
    databasePrefix,
    ports: opts.temporalPorts,
    dir: join(opts.dir, 'temporal'),
    namespace: config.TEMPORAL_NAMESPACE,
    retentionDays: opts.retentionDays ?? 7,
    searchAttributes: SEARCH_ATTRIBUTE_TYPES,
    log,
    output: serviceLogWriter(opts.dir),
    tls: opts.tls,
  });

  const direct = { databaseUrl: opts.databaseUrl, temporalAddress: temporal.address };
  const reach = opts.via?.(direct) ?? direct;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: reach.databaseUrl,
    TEMPORAL_ADDRESS: reach.temporalAddress,
  };
  if (opts.tls) {
    env.TEMPORAL_TLS_CA_FILE = opts.tls.caFile;
    env.TEMPORAL_TLS_SERVER_NAME = opts.tls.serverName;
  }
  const app = (name: string, entry: string, extra: NodeJS.ProcessEnv = {}) =>
    supervise({
      name,
      command: process.execPath,
      args: [join(__dirname, '..', 'apps', entry, 'src', 'main.js')],
      env: { ...env, ...extra },
      log,
      output: (line) => opts.output(name, line),
    });
  const workers = Array.from({ length: opts.workers }, (_, i) => app(`worker-${i + 1}`, 'worker'));
  const apis = opts.apiPorts.map((port, i) => ({
    url: `http://127.0.0.1:${port}`,
    process: app(`api-${i + 1}`, 'api', { API_PORT: String(port) }),
  }));
  const stop = async () => {
    await Promise.all(apis.map((a) => a.process.stop()));
    await Promise.all(workers.map((w) => w.stop()));
    await temporal.stop();
  };
  try {
    for (const api of apis) await waitForReady(api.url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { temporal, apis, workers, stop };
}

export async function waitForReady(apiUrl: string, timeoutMs = 120_000): Promise<void> {
  await waitUntil(
    `the API to answer ${apiUrl}/health/ready`,
    async () => (await fetch(`${apiUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) })).ok,
    {
      timeoutMs,
      intervalMs: 500,
    },
  );
}
