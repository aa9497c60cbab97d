import { AppConfig } from '@onewindow/config';
import { processLogger } from '@onewindow/logging';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import { DenialRecorder } from './core/access/denial-recorder';
import { correlate, correlationIdFor } from './core/correlation';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './core/errors/framework-errors';
import { readBodies } from './core/common/request-bodies';
import { refuseWhileDraining } from './core/common/draining.hook';
import { validationFailed } from './core/common/validation-errors';
import { AccessLog } from './core/observability/access-log';
import { observeHttp } from './core/observability/http-metrics.hook';
import { MetricsService } from './core/observability/metrics.service';
import { addressRateLimit } from './core/rate-limit/address-rate-limit.hook';
import { apiRoots, serveWebApp } from './modules/web/web-app';

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

/**
 * The HTTP server (Nest's Fastify adapter): the process's logger, each request's id its correlation id;
 * client addresses from trusted proxies' X-Forwarded-For when API_TRUST_PROXY names them, and a route
 * parameter may be as long as a URL.
 */
export function httpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: processLogger('api', config.LOG_LEVEL),
    genReqId: correlationIdFor,
    logController: new AccessLog(),
    trustProxy: trustedProxies(config.API_TRUST_PROXY.trim()),
    bodyLimit: BODY_LIMIT_BYTES,
    // A request arriving while the server closes gets the API's own 503 (refuseWhileDraining), not Fastify's bare one.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
}

/**
 * Nothing by default; a hop count believes that many proxies in front of the API (the deployment puts
 * them there), anything else names the proxies' addresses and subnets.
 */
function trustedProxies(setting: string): string | false | ((address: string, hop: number) => boolean) {
  if (setting === '') return false;
  if (!/^\d+$/.test(setting)) return setting;
  const hops = Number(setting);
  return (_address, hop) => hop < hops;
}

/** The options Nest creates the app with: its own logger silenced (pino logs), bodies read by `readBodies`. */
export const NEST_APP_OPTIONS = { logger: false as const, abortOnError: false, bodyParser: false };

/** Everything about the HTTP surface that is not a route: shared by the server and the e2e tests. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', correlate);
  fastify.addHook('onRequest', refuseWhileDraining(fastify));
  await app.register(helmet, { contentSecurityPolicy: { directives: { connectSrc: connectSources(config) } } });
  // Before authentication and body parsing: a flood from one address is turned away cheaply.
  fastify.addHook('onRequest', addressRateLimit(config));
  fastify.addHook('onResponse', observeHttp(app.get(MetricsService)));
  await readBodies(app, BODY_LIMIT_BYTES);
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
  serveWebApp(fastify, config.WEB_DIST_DIR, apiRoots(Object.keys(document.paths)));
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
