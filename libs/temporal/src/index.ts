export * from './approval-worker';
export * from './temporal-client.module';
