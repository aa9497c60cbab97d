import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface ClusterPorts {
  /** gRPC ports: frontend, frontend HTTP, history, matching, worker are base .. base+4. */
  grpcBase: number;
  /** Membership (ringpop) ports of frontend, history, matching, worker: base .. base+3. */
  membershipBase: number;
}

export interface ClusterTls {
  certFile: string;
  keyFile: string;
  caFile: string;
  serverName: string;
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

export const DYNAMIC_CONFIG = `# New search attributes are visible at once (as on the dev server).
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
    constraints: {}
`;
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
