import { AppConfig, ConfigError, loadConfig } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureApp } from './configure-app';
import { JsonLogger } from './core/observability/json-logger';
import { startBanner } from './start-banner';

/** Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start. */
export function serve(module: Type): void {
  const start = async () => {
    // Checked before Nest starts, so a refused configuration is named plainly and nothing listens.
    loadConfig();
    const app = await NestFactory.create(module, { bodyParser: false, bufferLogs: true });
    app.useLogger(app.get(JsonLogger));
    configureApp(app);
    const config = app.get(AppConfig);
    await app.listen(config.API_PORT, config.API_HOST);
    process.stderr.write(`${startBanner(config, await app.getUrl())}\n`);
  };
  start().catch((error: unknown) => {
    // A configuration fault is a message for the operator, not a stack trace.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
