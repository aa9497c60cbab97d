import { AppConfig, configIfValid, startupErrorLine } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureApp } from './configure-app';
import { JsonLogger } from './core/observability/json-logger';

/** Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start. */
export function serve(module: Type): void {
  const start = async () => {
    // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
    const app = await NestFactory.create(module, { bodyParser: false, logger: false, abortOnError: false });
    app.useLogger(app.get(JsonLogger));
    configureApp(app);
    const config = app.get(AppConfig);
    await app.listen(config.API_PORT, config.API_HOST);
  };
  start().catch((error: unknown) => {
    console.error(`api: ${startupErrorLine(error, configIfValid())}`);
    process.exit(1);
  });
}
