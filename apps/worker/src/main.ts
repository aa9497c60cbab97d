import 'reflect-metadata';
import { configIfValid, startupErrorLine } from '@onewindow/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';
import { WorkerService } from './worker.service';

async function bootstrap(): Promise<void> {
  // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.get(WorkerService).run();
  await app.close();
}

bootstrap().catch((error: unknown) => {
  console.error(`worker: ${startupErrorLine(error, configIfValid())}`);
  process.exit(1);
});
