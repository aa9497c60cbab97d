export * from './app-config';
export * from './config-error';
export * from './config.module';
export * from './connection-settings';
export * from './load-config';
export * from './production-mode';
export * from './startup-error';
