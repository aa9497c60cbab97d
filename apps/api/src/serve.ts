import { AppConfig } from '@onewindow/config';
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
    const app = adapter
      ? await NestFactory.create(module, adapter, { bufferLogs: true })
      : await NestFactory.create(module, { bodyParser: false, bufferLogs: true });
    app.useLogger(app.get(Logger));
    configureApp(app);
    await app.listen(app.get(AppConfig).API_PORT, '127.0.0.1');
  };
  start().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
