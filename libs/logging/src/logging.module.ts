import { AppConfig } from '@onewindow/config';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { currentCorrelationId } from './correlation-context';
import { createLogger } from './logger';

/** The process's pino logger, and the HTTP middleware that writes one line per answered request through it. */
export class ServiceLogger {
  readonly http: HttpLogger;

  constructor(readonly pino: Logger) {
    this.http = pinoHttp({
      logger: pino,
      // The correlation middleware runs first and has already chosen the request's id.
      genReqId: () => currentCorrelationId() ?? randomUUID(),
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'correlationId' },
      // Method, path and status only: headers carry bearer tokens, and bodies personal data.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    });
  }
}

/**
 * nestjs-pino over the shared logger: Nest's own lines and every `new Logger(...)` go through pino.
 * An HTTP app mounts `ServiceLogger.http` itself (see configureApp), as plain middleware rather than
 * a catch-all route.
 */
@Global()
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        {
          provide: ServiceLogger,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => new ServiceLogger(createLogger({ service, level: config.LOG_LEVEL })),
        },
      ],
      imports: [
        LoggerModule.forRootAsync({
          inject: [ServiceLogger],
          useFactory: (logger: ServiceLogger) => ({ pinoHttp: { logger: logger.pino }, forRoutes: [] }),
        }),
      ],
      exports: [ServiceLogger, LoggerModule],
    };
  }
}
