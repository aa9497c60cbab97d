// Entry of the API process under benchmark: apps/api's bootstrap, with the bench's constant endpoint added.
import 'reflect-metadata';
import { AppConfig } from '@onewindow/config';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '../../apps/api/src/configure-app';
import { JsonLogger } from '../../apps/api/src/observability/json-logger';
import { BenchApiModule } from './bench-api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(BenchApiModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  configureApp(app);
  await app.listen(app.get(AppConfig).API_PORT, '127.0.0.1');
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
