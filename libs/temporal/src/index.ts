export * from './approval-worker';
export * from './temporal-client.module';
export * from './correlation.interceptors';
export * from './temporal-logger';
