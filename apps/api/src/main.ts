import 'reflect-metadata';
import { AppConfig } from '@onewindow/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { JsonLogger } from './observability/json-logger';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  configureApp(app);
  await app.listen(app.get(AppConfig).API_PORT, '127.0.0.1');
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
