import 'reflect-metadata';
import { configIfValid, startupErrorLine } from '@onewindow/config';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import { WorkerService } from './worker.service';

async function bootstrap(): Promise<void> {
  // Silent until created, and abortOnError false: a failure reaches the catch below, which says it in one line.
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false, abortOnError: false });
  app.useLogger(new ConsoleLogger());
  app.enableShutdownHooks();
  await app.get(WorkerService).run();
  await app.close();
}

bootstrap().catch((error: unknown) => {
  console.error(`worker: ${startupErrorLine(error, configIfValid())}`);
  process.exit(1);
});
