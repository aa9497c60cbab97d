import { createWriteStream, WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPortInUse } from './free-port';
import { supervise, SupervisedProcess } from './supervisor';
import { ClusterPorts, ClusterTls, clusterConfigYaml, DYNAMIC_CONFIG } from './temporal-cluster-config';
import { provisionTemporalSchemas } from './temporal-cluster-schema';
import type { SearchAttributeType } from './temporal-dev-server';
import { registerNamespace } from './temporal-namespace';
import type { TemporalServerBinaries } from './temporal-server-build';
import { waitUntil } from './wait-until';

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

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

export interface TemporalCluster {
  address: string;
  services: Record<TemporalService, SupervisedProcess>;
  stop(): Promise<void>;
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
