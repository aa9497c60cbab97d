import { AccessLogRepository } from '@onewindow/persistence';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DenialRecorder } from './access/denial-recorder';
import { correlationMiddleware } from './correlation';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { ApiError, ApiErrorCode } from './errors/api-error';
import { httpMetricsMiddleware } from './observability/http-metrics.middleware';
import { MetricsService } from './observability/metrics.service';

export const BODY_LIMIT = '64kb';

/** Everything about the HTTP surface that is not a route: shared by the server and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.use(helmet());
  app.use(requireJsonBodies);
  app.use(json({ limit: BODY_LIMIT, strict: true }));
  app.use(rejectNulCharacters);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(new DenialRecorder(app.get(AccessLogRepository))));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OneWindow API')
      .setDescription('Permits, land-use approvals and infrastructure requests through one window')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** A body that is not JSON is refused before parsing: 415, not a confusing validation error. */
function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json'));
    return;
  }
  next();
}

/** NUL characters break PostgreSQL text columns and have no place in any field. */
function rejectNulCharacters(req: Request, _res: Response, next: NextFunction): void {
  if (req.body !== undefined && JSON.stringify(req.body).includes('\\u0000')) {
    next(new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Fields may not contain NUL characters'));
    return;
  }
  next();
}
