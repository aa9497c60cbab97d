export { ensureTemporalCli } from './temporal-cli';
export { startTemporalDevServer } from './temporal-dev-server';
export type { SearchAttributeType, TemporalDevServer } from './temporal-dev-server';
export { dropDatabase, ensurePostgres, recreateDatabase } from './postgres';
export type { PostgresHandle } from './postgres';
export { startEmbeddedCluster, EMBEDDED_PG_PASSWORD, EMBEDDED_PG_USER } from './embedded-postgres';
export type { EmbeddedCluster } from './embedded-postgres';
export { findFreePort } from './free-port';
export { supervise } from './supervisor';
export type { SupervisedProcess, SuperviseOptions } from './supervisor';
export {
  clusterConfigYaml,
  createClusterCertificates,
  ensureTemporalServer,
  provisionTemporalSchemas,
  serviceLogWriter,
  startTemporalCluster,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_SERVICES,
} from './temporal-cluster';
export type {
  ClusterPorts,
  ClusterTls,
  TemporalCluster,
  TemporalServerBinaries,
  TemporalService,
} from './temporal-cluster';
export { ensureToxiproxy, startFaultProxy, TOXIPROXY_VERSION } from './toxiproxy';
export type { FaultProxy, NetworkFault } from './toxiproxy';
export { describeExit, startManagedChild } from './managed-child';
export type { ChildExit, ChildOutput, ManagedChild, ManagedChildOptions } from './managed-child';
export { waitUntil } from './wait-until';
export type { WaitOptions } from './wait-until';
