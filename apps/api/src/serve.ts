import { AppConfig, configIfValid, startupErrorLine } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configureApp } from './configure-app';

/**
 * Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start.
 * Express unless `adapter` says otherwise (the bench compares Nest's Fastify adapter with it).
 */
export function serve(module: Type, adapter?: AbstractHttpAdapter): void {
  const start = async () => {
    // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
    const options = { logger: false as const, abortOnError: false };
    const app = adapter
      ? await NestFactory.create(module, adapter, options)
      : await NestFactory.create(module, { ...options, bodyParser: false });
    app.useLogger(app.get(Logger));
    configureApp(app);
    const config = app.get(AppConfig);
    await app.listen(config.API_PORT, config.API_HOST);
  };
  start().catch((error: unknown) => {
    console.error(`api: ${startupErrorLine(error, configIfValid())}`);
    process.exit(1);
  });
}
