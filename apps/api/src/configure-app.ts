import { AppConfig } from '@onewindow/config';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { DenialRecorder } from './core/access/denial-recorder';
import { correlationMiddleware } from './core/correlation';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { rejectUnsafeBodies, requireJsonBodies, translateBodyParserErrors } from './core/common/body-guards';
import { validationFailed } from './core/common/validation-errors';
import { httpMetricsMiddleware } from './core/observability/http-metrics.middleware';
import { MetricsService } from './core/observability/metrics.service';
import { apiRoots, webApp } from './modules/web/web-app.middleware';

export const BODY_LIMIT = '64kb';

/** Everything about the HTTP surface that is not a route: shared by the server and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.use(helmet());
  app.use(requireJsonBodies);
  app.use(json({ limit: BODY_LIMIT, strict: true }));
  app.use(translateBodyParserErrors);
  app.use(rejectUnsafeBodies);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(app.get(DenialRecorder)));
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.use(webApp(app.get(AppConfig).WEB_DIST_DIR, apiRoots(Object.keys(document.paths))));
}

/** The OpenAPI document of the app's routes; the web app's client is generated from it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OneWindow API')
      .setDescription('Permits, land-use approvals and infrastructure requests through one window')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}
