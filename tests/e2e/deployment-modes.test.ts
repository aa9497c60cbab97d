import { generateKeyPair, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, startAppProcess } from '../support/app-process';

const START_TIMEOUT_MS = 120_000;

/** The API's own entry point in a process of its own, as `npm run up` starts it (from source here). */
class ApiProcess {
  private readonly app: AppProcess;

  constructor(env: Record<string, string>) {
    this.app = startAppProcess('api', env, { isolatedEnv: true });
  }

  get output(): string {
    return this.app.lines.join('\n');
  }

  waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    return this.app.waitForOutput(pattern, START_TIMEOUT_MS);
  }

  /** Its exit code, once it has exited. */
  async exited(): Promise<number | null> {
    return (await this.app.child.exited).code;
  }

  stop(): Promise<void> {
    return this.app.stop();
  }
}

/** What the stack of this test run provides: its database and Temporal server. */
const stackEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
  TEMPORAL_TASK_QUEUE: `modes-${randomBytes(4).toString('hex')}`,
  API_PORT: '0',
});

/** Production mode with every secret read from a file and an identity provider named. */
const productionEnv = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ow-secrets-'));
  const secretFile = (name: string) => {
    writeFileSync(join(dir, name), `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
    return join(dir, name);
  };
  return {
    ONEWINDOW_MODE: 'production',
    API_HOST: '127.0.0.1',
    AUTH_DEV_LOGIN: 'false',
    AUTH_DEV_SECRET_FILE: secretFile('dev-secret'),
    AUDIT_SIGNING_KEY_FILE: secretFile('audit-key'),
    DOCUMENT_SIGNING_P12_FILE: secretFile('signing-p12-base64'),
    PUBLIC_URL: 'https://permits.example.gov',
    METRICS_TOKEN_FILE: secretFile('metrics-token'),
    AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
    AUTH_ISSUER: 'https://idp.example',
    AUTH_AUDIENCE: 'onewindow-api',
  };
};

/** Nothing listens on the discard port: a mistyped TEMPORAL_ADDRESS. */
const NOWHERE = '127.0.0.1:9';

describe('deployment modes', () => {
  const running: ApiProcess[] = [];
  const start = (env: Record<string, string>) => {
    const api = new ApiProcess(env);
    running.push(api);
    return api;
  };
  afterAll(async () => {
    await Promise.all(running.map((api) => api.stop()));
  });

  it(
    'refuses to start in production with development shortcuts, naming every one',
    async () => {
      const api = start({ NODE_ENV: 'production', AUTH_DEV_SECRET: 'too-short' });
      expect(await api.exited()).toBe(1);
      for (const reason of [
        /AUTH_DEV_SECRET must be at least 32 characters/,
        /AUTH_DEV_LOGIN is on/,
        /AUDIT_SIGNING_KEY is the published development key/,
        /AUTH_JWKS_URL is not set/,
        /AUTH_ISSUER is the development issuer/,
        /DOCUMENT_SIGNING_P12 is not set/,
      ]) {
        expect(api.output).toMatch(reason);
      }
      expect(api.output).not.toMatch(/listening|DEVELOPMENT mode/);
    },
    START_TIMEOUT_MS,
  );

  it(
    'says at start what development mode leaves open',
    async () => {
      const api = start(stackEnv());
      await api.waitFor(/OneWindow API in DEVELOPMENT mode on http:\/\/127\.0\.0\.1:\d+/);
      await api.waitFor(/Set ONEWINDOW_MODE=production/);
      expect(api.output).toMatch(/POST \/auth\/login signs anyone in as any seeded user/);
      expect(api.output).toMatch(/GET \/metrics answers anyone/);
      expect(api.output).toMatch(/audit checkpoints are signed with the published development key/);
    },
    START_TIMEOUT_MS,
  );

  it(
    'starts in production with every secret read from a file, on the configured host',
    async () => {
      const api = start({ ...stackEnv(), ...productionEnv() });
      const [, url] = await api.waitFor(/OneWindow API \(production mode\) listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const config = (await (await fetch(`${url}/auth/config`)).json()) as { mode: string; devLogin: boolean };
      expect(config).toMatchObject({ mode: 'production', devLogin: false });
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      // The provider's keys cannot be fetched (nothing listens on port 9): an outage is a 503, not a 401 or a 500.
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({ role: 'clerk' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('someone')
        .setIssuer('https://idp.example')
        .setAudience('onewindow-api')
        .setExpirationTime('5m')
        .sign(privateKey);
      const unreachable = await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect([unreachable.status, ((await unreachable.json()) as { code: string }).code]).toEqual([503, 'UNAVAILABLE']);
      expect(api.output).not.toMatch(/DEVELOPMENT/);
    },
    START_TIMEOUT_MS,
  );

  it(
    'says in one line, naming TEMPORAL_ADDRESS, that a development API cannot reach Temporal, and serves',
    async () => {
      const api = start({ ...stackEnv(), TEMPORAL_ADDRESS: NOWHERE });
      const [, url] = await api.waitFor(/DEVELOPMENT mode on (http:\/\/127\.0\.0\.1:\d+)/);
      await api.waitFor(/Cannot reach Temporal at 127\.0\.0\.1:9 within \d+ s: .*\(TEMPORAL_ADDRESS\)/);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    },
    START_TIMEOUT_MS,
  );

  it(
    'refuses to start in production when Temporal cannot be reached, naming TEMPORAL_ADDRESS',
    async () => {
      const api = start({ ...stackEnv(), ...productionEnv(), TEMPORAL_ADDRESS: NOWHERE });
      expect(await api.exited()).toBe(1);
      expect(api.output).toMatch(/api: Cannot reach Temporal at 127\.0\.0\.1:9 within 30 s: .*\(TEMPORAL_ADDRESS\)/);
      expect(api.output).not.toMatch(/listening/);
    },
    START_TIMEOUT_MS,
  );
});
