import { AppConfig } from '@onewindow/config';
import { ServiceLogger } from '@onewindow/logging';
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
import { addressRateLimit } from './core/rate-limit/address-rate-limit.middleware';
import { apiRoots, webApp } from './modules/web/web-app.middleware';

/** The largest body any route accepts (64 KiB). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Where the web app may send requests: its own origin and, with an OpenID provider, the provider (the
 * browser fetches its discovery document and calls its token endpoint: authorization code + PKCE).
 */
function connectSources(config: AppConfig): string[] {
  if (!config.AUTH_JWKS_URL) return ["'self'"];
  try {
    const issuer = new URL(config.AUTH_ISSUER);
    return issuer.protocol === 'https:' || issuer.protocol === 'http:' ? ["'self'", issuer.origin] : ["'self'"];
  } catch {
    return ["'self'"];
  }
}

/** Everything about the HTTP surface that is not a route: shared by the server and the e2e tests. */
export function configureApp(app: INestApplication): void {
  const config = app.get(AppConfig);
  const trustProxy = config.API_TRUST_PROXY.trim();
  if (trustProxy) {
    // The client address (rate limits, access log) then comes from the trusted proxies' X-Forwarded-For.
    const express = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void };
    express.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  }
  app.use(correlationMiddleware);
  app.use(app.get(ServiceLogger).http);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  // Before authentication and body parsing: a flood from one address is turned away cheaply.
  app.use(addressRateLimit(config));
  app.use(helmet({ contentSecurityPolicy: { directives: { connectSrc: connectSources(config) } } }));
  if (app.getHttpAdapter().getType() === 'express') {
    app.use(requireJsonBodies);
    app.use(json({ limit: BODY_LIMIT_BYTES, strict: true }));
    app.use(translateBodyParserErrors);
    app.use(rejectUnsafeBodies);
  } else {
    // Nest's Fastify adapter (the bench's comparison) parses bodies itself, after middleware: the
    // checks run once the body is there.
    const fastify = app.getHttpAdapter().getInstance() as {
      addHook(name: 'preValidation', hook: (req: unknown, reply: unknown, done: (e?: unknown) => void) => void): void;
    };
    fastify.addHook('preValidation', (req, reply, done) => rejectUnsafeBodies(req as never, reply as never, done));
  }
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(app.getHttpAdapter(), app.get(DenialRecorder)));
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
