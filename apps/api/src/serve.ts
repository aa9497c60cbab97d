import { AppConfig, configIfValid, loadConfig, startupErrorLine } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configureApp } from './configure-app';
import { startBanner } from './start-banner';

/**
 * Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start.
 * Express unless `adapter` says otherwise (the bench compares Nest's Fastify adapter with it).
 */
export function serve(module: Type, adapter?: AbstractHttpAdapter): void {
  const start = async () => {
    // Checked before Nest starts, so a refused configuration is named plainly and nothing listens.
    loadConfig();
    // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
    const options = { logger: false as const, abortOnError: false };
    const app = adapter
      ? await NestFactory.create(module, adapter, options)
      : await NestFactory.create(module, { ...options, bodyParser: false });
    app.useLogger(app.get(Logger));
    configureApp(app);
    const config = app.get(AppConfig);
    await app.listen(config.API_PORT, config.API_HOST);
    process.stderr.write(`${startBanner(config, await app.getUrl())}\n`);
  };
  start().catch((error: unknown) => {
    console.error(`api: ${startupErrorLine(error, configIfValid())}`);
    process.exit(1);
  });
}
