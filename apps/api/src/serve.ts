import { AppConfig, configIfValid, loadConfig, startupErrorLine } from '@onewindow/config';
import { Type } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { configureApp, httpAdapter, NEST_APP_OPTIONS } from './configure-app';
import { startBanner } from './start-banner';
import { reachTemporal } from './core/common/temporal-probe';

/**
 * A production API does not start without Temporal (its supervisor restarts it and says why); a
 * development one starts anyway, says so in one line, and answers 503 until Temporal is there.
 */
const TEMPORAL_WAIT_PRODUCTION_MS = 30_000;
const TEMPORAL_WAIT_DEVELOPMENT_MS = 10_000;

/** Starts an API process on `module` (the app's, or one that adds to it), exiting if it cannot start. */
export function serve(module: Type): void {
  const start = async () => {
    // Checked before Nest starts, so a refused configuration is named plainly and nothing listens.
    const checked = loadConfig();
    // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
    const app = await NestFactory.create<NestFastifyApplication>(module, httpAdapter(checked), NEST_APP_OPTIONS);
    app.useLogger(app.get(Logger));
    await configureApp(app);
    const config = app.get(AppConfig);
    const temporal = app.get(Client);
    if (config.isProduction) await reachTemporal(temporal, config, TEMPORAL_WAIT_PRODUCTION_MS);
    await app.listen(config.API_PORT, config.API_HOST);
    process.stderr.write(`${startBanner(config, await app.getUrl())}\n`);
    if (!config.isProduction) {
      reachTemporal(temporal, config, TEMPORAL_WAIT_DEVELOPMENT_MS).catch((error: unknown) =>
        app.get(Logger).warn(`${startupErrorLine(error, config)}; serving, every call that needs it answers 503`),
      );
    }
  };
  start().catch((error: unknown) => {
    console.error(`api: ${startupErrorLine(error, configIfValid())}`);
    process.exit(1);
  });
}
