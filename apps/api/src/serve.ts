import { AppConfig, configIfValid, loadConfig, startupErrorLine } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { configureApp, httpAdapter, NEST_APP_OPTIONS } from './configure-app';
import { startBanner } from './start-banner';

/** Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start. */
export function serve(module: Type): void {
  const start = async () => {
    // Checked before Nest starts, so a refused configuration is named plainly and nothing listens.
    const checked = loadConfig();
    // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
    const app = await NestFactory.create<NestFastifyApplication>(module, httpAdapter(checked), NEST_APP_OPTIONS);
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
