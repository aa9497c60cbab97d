import { AppConfig } from '@onewindow/config';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { processLogger } from './logger';

/**
 * nestjs-pino over the process's logger: Nest's own lines and every `new Logger(...)` go through the same
 * pino instance the HTTP server logs its requests with (see `processLogger`).
 */
@Global()
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: { logger: processLogger(service, config.LOG_LEVEL) },
            forRoutes: [],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
