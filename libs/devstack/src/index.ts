export { ensureTemporalCli } from './temporal-cli';
export { startTemporalDevServer } from './temporal-dev-server';
export type { SearchAttributeType, TemporalDevServer } from './temporal-dev-server';
export { dropDatabase, ensurePostgres, recreateDatabase } from './postgres';
export type { PostgresHandle } from './postgres';
