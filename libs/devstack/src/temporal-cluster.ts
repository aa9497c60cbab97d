import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync, WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { DevstackSetupError } from './devstack-error';
import { ensureGoPrograms, findGo } from './go-install';
import { isPortInUse } from './free-port';
import { supervise, SupervisedProcess } from './supervisor';
import { defaultCliCacheDir } from './temporal-cli';
import type { SearchAttributeType } from './temporal-dev-server';
import { waitUntil } from './wait-until';

/** The server release the CLI's dev server embeds, so the cluster and the tests run the same server. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the server module: the SQL the schema tool applies. */
  schemaDir: string;
}

/**
 * The Temporal server and its SQL schema tool, built once with `go install` into the cache (like the
 * CLI), and the module's PostgreSQL schema folder.
 */
export async function ensureTemporalServer(
  opts: { cacheDir?: string; log?: (line: string) => void } = {},
): Promise<TemporalServerBinaries> {
  const log = opts.log ?? (() => undefined);
  const cacheDir = resolve(opts.cacheDir ?? defaultCliCacheDir());
  const [server, sqlTool] = await ensureGoPrograms({
    what: `the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool`,
    programs: [
      {
        pkg: `${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
        installedAs: 'server',
        cachedAs: 'temporal-server',
      },
      {
        pkg: `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
        installedAs: 'sql',
        cachedAs: 'temporal-sql-tool',
      },
    ],
    cacheDir,
    lockName: 'temporal-build.lock',
    log,
  });
  const go = await findGo(`the Temporal server ${TEMPORAL_SERVER_VERSION}'s schema`);
  const { stdout } = await promisify(execFile)(
    go,
    ['mod', 'download', '-json', `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`],
    {
      cwd: cacheDir,
      timeout: 10 * 60_000,
    },
  );
  const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
  return { server, sqlTool, schemaDir: join(moduleDir, 'schema', 'postgresql', 'v12') };
}

export interface ClusterPorts {
  /** gRPC ports: frontend, frontend HTTP, history, matching, worker are base .. base+4. */
  grpcBase: number;
  /** Membership (ringpop) ports of frontend, history, matching, worker: base .. base+3. */
  membershipBase: number;
}

export interface TemporalClusterOptions {
  binaries: TemporalServerBinaries;
  /** A PostgreSQL server URL (any database); Temporal's two databases are created on it. */
  postgresUrl: string;
  /** Prefix of the two databases: <prefix> and <prefix>_visibility. */
  databasePrefix: string;
  ports: ClusterPorts;
  dir: string;
  namespace: string;
  retentionDays: number;
  searchAttributes: Record<string, SearchAttributeType>;
  log?: (line: string) => void;
  /** TLS on the frontend: its certificate and key, the CA that signed it, the name in it. */
  tls?: ClusterTls;
  /** Where each service's output goes (default: a file per service in dir). */
  output?: (service: TemporalService, line: string) => void;
}

export interface ClusterTls {
  certFile: string;
  keyFile: string;
  caFile: string;
  serverName: string;
}

export interface TemporalCluster {
  address: string;
  services: Record<TemporalService, SupervisedProcess>;
  stop(): Promise<void>;
}

/** Connection fields of the PostgreSQL URL, as the schema tool and the server config spell them. */
export function sqlConnection(postgresUrl: string): { host: string; port: number; user: string; password: string } {
  const url = new URL(postgresUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
}

/** The server's static config: PostgreSQL persistence and (advanced) visibility, each service on its ports. */
export function clusterConfigYaml(opts: {
  postgresUrl: string;
  databasePrefix: string;
  ports: ClusterPorts;
  dynamicConfigFile: string;
  tls?: ClusterTls;
}): string {
  const { host, port, user, password } = sqlConnection(opts.postgresUrl);
  const { grpcBase, membershipBase } = opts.ports;
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${host}:${port}"
        connectProtocol: "tcp"
        user: "${user}"
        password: "${password}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name: string, grpc: number, membership: number, extra = '') => `
  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `# Written by OneWindow's devstack: a Temporal cluster on PostgreSQL, one process per service.
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:${store(opts.databasePrefix, 20)}
    postgres-visibility:${store(`${opts.databasePrefix}_visibility`, 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"${tlsYaml(opts.tls)}

services:${service('frontend', grpcBase, membershipBase, `\n      httpPort: ${grpcBase + 1}`)}${service(
    'history',
    grpcBase + 2,
    membershipBase + 1,
  )}${service('matching', grpcBase + 3, membershipBase + 2)}${service('worker', grpcBase + 4, membershipBase + 3)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${grpcBase}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${opts.dynamicConfigFile}"
  pollInterval: "10s"
`;
}

/** Frontend TLS: clients verify the frontend's certificate; the services' own calls to it do too. */
function tlsYaml(tls: ClusterTls | undefined): string {
  if (!tls) return '';
  return `
  tls:
    frontend:
      server:
        certFile: "${tls.certFile}"
        keyFile: "${tls.keyFile}"
      client:
        serverName: "${tls.serverName}"
        rootCaFiles:
          - "${tls.caFile}"
    systemWorker:
      client:
        serverName: "${tls.serverName}"
        rootCaFiles:
          - "${tls.caFile}"`;
}

const DYNAMIC_CONFIG = `# New search attributes are visible at once (as on the dev server).
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
    constraints: {}
`;

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

/**
 * Starts Temporal's frontend, history, matching and worker services as four supervised processes
 * (a killed one is restarted), then registers the namespace with its retention and search attributes.
 */
export async function startTemporalCluster(opts: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = opts.log ?? (() => undefined);
  const configDir = join(opts.dir, 'config');
  await mkdir(configDir, { recursive: true });
  const dynamicConfigFile = join(opts.dir, 'dynamicconfig.yaml');
  await writeFile(dynamicConfigFile, DYNAMIC_CONFIG);
  await writeFile(
    join(configDir, 'cluster.yaml'),
    clusterConfigYaml({
      postgresUrl: opts.postgresUrl,
      databasePrefix: opts.databasePrefix,
      ports: opts.ports,
      dynamicConfigFile,
      tls: opts.tls,
    }),
  );
  await provisionTemporalSchemas({ ...opts, log });

  const address = `127.0.0.1:${opts.ports.grpcBase}`;
  const services = {} as Record<TemporalService, SupervisedProcess>;
  for (const service of TEMPORAL_SERVICES) {
    // The frontend alone first: services that start together race to initialise the cluster metadata.
    if (service !== 'frontend') {
      await waitUntil('the Temporal frontend to listen', () => isPortInUse('127.0.0.1', opts.ports.grpcBase), {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    }
    services[service] = supervise({
      name: `temporal-${service}`,
      command: opts.binaries.server,
      args: [
        '--root',
        opts.dir,
        '--config',
        'config',
        '--env',
        'cluster',
        '--allow-no-auth',
        'start',
        '--service',
        service,
      ],
      log,
      output: opts.output ? (line) => opts.output!(service, line) : () => undefined,
      initialBackoffMs: 1000,
    });
  }
  const stop = async () => {
    // Frontend first, so no new calls arrive while the others drain.
    for (const service of TEMPORAL_SERVICES) await services[service].stop();
  };
  try {
    await registerNamespace({ ...opts, address });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Temporal cluster serving on ${address} (frontend, history, matching, worker as separate processes)`);
  return { address, services, stop };
}

const INDEXED_VALUE_TYPE: Record<SearchAttributeType, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

async function registerNamespace(opts: {
  address: string;
  tls?: ClusterTls;
  namespace: string;
  retentionDays: number;
  searchAttributes: Record<string, SearchAttributeType>;
  log?: (line: string) => void;
}): Promise<void> {
  // Loaded here so the rest of devstack does not need the Temporal client.
  const { Connection } = await import('@temporalio/client');
  const { msToTs } = await import('@temporalio/common/lib/time');
  const deadline = Date.now() + 180_000;
  // Each step has what is left of the one deadline.
  const remaining = () => ({ timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 1_000 });
  const connection = await waitUntil(
    'the Temporal frontend to accept connections',
    () =>
      Connection.connect({
        address: opts.address,
        connectTimeout: 5_000,
        tls: opts.tls
          ? { serverNameOverride: opts.tls.serverName, serverRootCACertificate: readFileSync(opts.tls.caFile) }
          : undefined,
      }),
    remaining(),
  );
  try {
    await waitUntil(
      `namespace ${opts.namespace} to be registered`,
      async () => {
        try {
          await connection.workflowService.registerNamespace({
            namespace: opts.namespace,
            workflowExecutionRetentionPeriod: msToTs(opts.retentionDays * 86_400_000),
          });
          opts.log?.(`Registered namespace ${opts.namespace} (retention ${opts.retentionDays} days)`);
        } catch (error) {
          if (!isAlreadyExists(error)) throw error;
        }
        return true;
      },
      remaining(),
    );
    const wanted = Object.fromEntries(
      Object.entries(opts.searchAttributes).map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]]),
    );
    await waitUntil(
      'the search attributes to be registered',
      async () => {
        const existing = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
        const missing = Object.fromEntries(
          Object.entries(wanted).filter(([name]) => !(name in (existing.customAttributes ?? {}))),
        );
        if (Object.keys(missing).length > 0) {
          await connection.operatorService.addSearchAttributes({
            namespace: opts.namespace,
            searchAttributes: missing,
          });
        }
        const now = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
        const absent = Object.keys(wanted).filter((name) => !(name in (now.customAttributes ?? {})));
        if (absent.length > 0) throw new Error(`search attributes not yet visible: ${absent.join(', ')}`);
        return true;
      },
      remaining(),
    );
  } finally {
    await connection.close();
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: number })?.code === 6 || /already exists|AlreadyExists/i.test(String(error));
}

/** Keeps each service's output in its own file under dir (for the cluster's operators). */
export function serviceLogWriter(dir: string): (service: TemporalService, line: string) => void {
  const streams = new Map<TemporalService, WriteStream>();
  return (service, line) => {
    let stream = streams.get(service);
    if (!stream) {
      stream = createWriteStream(join(dir, `${service}.log`), { flags: 'a' });
      streams.set(service, stream);
    }
    stream.write(`${line}\n`);
  };
}

/** A throw-away CA and a frontend certificate signed by it (openssl), for running the cluster with TLS. */
export async function createClusterCertificates(
  dir: string,
  serverName = 'temporal.onewindow.test',
): Promise<ClusterTls> {
  await mkdir(dir, { recursive: true });
  const run = (args: string[]) => promisify(execFile)('openssl', args, { cwd: dir });
  const caFile = join(dir, 'ca.pem');
  const certFile = join(dir, 'frontend.pem');
  const keyFile = join(dir, 'frontend.key');
  await run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=OneWindow test CA',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    caFile,
  ]);
  await run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${serverName}`,
    '-keyout',
    keyFile,
    '-out',
    join(dir, 'frontend.csr'),
  ]);
  await writeFile(join(dir, 'frontend.ext'), `subjectAltName=DNS:${serverName}\n`);
  await run([
    'x509',
    '-req',
    '-in',
    join(dir, 'frontend.csr'),
    '-CA',
    caFile,
    '-CAkey',
    join(dir, 'ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    join(dir, 'frontend.ext'),
    '-out',
    certFile,
  ]);
  return { certFile, keyFile, caFile, serverName };
}
