import { AppConfig, loadConfig } from '@onewindow/config';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, httpAdapter, NEST_APP_OPTIONS } from '../../apps/api/src/configure-app';
import { startTestEnv, TestEnv } from './test-env';

/** The real API on an ephemeral port, with a real worker polling its task queue. */
export interface TestApi {
  app: NestFastifyApplication;
  /** Every route the HTTP server registered, `GET /requests/:id` (automatic HEAD routes left out). */
  servedRoutes: string[];
  http: ReturnType<typeof request>;
  env: TestEnv;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** `env` overrides configuration for this app only (e.g. a low rate limit). */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const taskQueue = `e2e-${randomUUID()}`;
  const testEnv = await startTestEnv({ taskQueue });
  // Each request's log line would bury the test report; warnings and errors still show.
  const config = loadConfig({
    ...process.env,
    RATE_LIMIT_BURST: '100000',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ADDRESS_BURST: '100000',
    ...env,
    TEMPORAL_TASK_QUEUE: taskQueue,
  });
  const module = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = module.createNestApplication<NestFastifyApplication>(httpAdapter(config), {
    ...NEST_APP_OPTIONS,
    logger: ['error'],
  });
  const servedRoutes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') servedRoutes.push(`${method} ${route.url}`);
    });
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    servedRoutes,
    http,
    env: testEnv,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http.post('/auth/login').send({ username }).expect(200);
      const token = (res.body as { accessToken: string }).accessToken;
      tokens.set(username, token);
      return token;
    },
    async close() {
      await app.close();
      await testEnv.close();
    },
  };
}
