import { execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DevstackSetupError } from './devstack-error';
import { acquireFileLock } from './file-lock';
import { createLineSplitter, TailBuffer } from './line-splitter';

const CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
// The last release whose go.mod has no replace directive, which `go install module@version` refuses.
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const BUILD_LOCK_TIMEOUT_MS = 30 * 60_000;

const executableName = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

export interface EnsureTemporalCliOptions {
  explicitPath?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

export function defaultCliCacheDir(): string {
  return join(homedir(), '.cache', 'onewindow', 'bin');
}

export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findOnPath(name: string, pathVariable = process.env.PATH ?? ''): Promise<string | undefined> {
  for (const dir of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, executableName(name));
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Parses `temporal --version` output, e.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)". */
export function parseCliVersion(output: string): [number, number, number] | undefined {
  const match = /temporal version v?(\d+)\.(\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * Pre-1.0 CLIs spell the dev server flags differently. A CLI built with `go install` reports
 * 0.0.0 because release versions are stamped by the release build only, so accept that too.
 */
export function isSupportedCliVersion([major, minor, patch]: [number, number, number]): boolean {
  return major >= 1 || (major === 0 && minor === 0 && patch === 0);
}

async function cliVersion(binary: string): Promise<[number, number, number] | undefined> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version'], { timeout: 15_000 });
    return parseCliVersion(stdout);
  } catch {
    return undefined;
  }
}

export function missingCliMessage(cacheDir: string): string {
  return [
    'The Temporal CLI is needed to run the local Temporal dev server, and none was found',
    `(not on PATH, not in ${cacheDir}), and Go is not installed to build it. Do one of:`,
    `  - install Go >= 1.23 from https://go.dev/dl/ and run again; the CLI ${TEMPORAL_CLI_VERSION} is then built once into ${cacheDir}`,
    '  - or set TEMPORAL_CLI to the path of a temporal binary (https://github.com/temporalio/cli/releases)',
  ].join('\n');
}

/**
 * Finds a Temporal CLI, building it with Go on first use. Order: explicit path, `temporal` on
 * PATH, the cache directory, then `go install` into the cache directory.
 */
export async function ensureTemporalCli(opts: EnsureTemporalCliOptions = {}): Promise<string> {
  const log = opts.log ?? (() => undefined);
  const cacheDir = resolve(opts.cacheDir ?? defaultCliCacheDir());

  if (opts.explicitPath !== undefined) {
    const explicit = resolve(opts.explicitPath);
    if (!(await isExecutableFile(explicit))) {
      throw new DevstackSetupError(
        `The Temporal CLI path ${explicit} does not exist or is not an executable file. Point it at a temporal binary.`,
      );
    }
    return explicit;
  }

  const onPath = await findOnPath('temporal');
  if (onPath) {
    const version = await cliVersion(onPath);
    if (version && isSupportedCliVersion(version)) return onPath;
    log(`Ignoring ${onPath}: version ${version?.join('.') ?? 'unknown'} is older than 1.0`);
  }

  const cached = join(cacheDir, executableName('temporal'));
  if (await isExecutableFile(cached)) return cached;

  const go = await findOnPath('go');
  if (!go) throw new DevstackSetupError(missingCliMessage(cacheDir));

  await mkdir(cacheDir, { recursive: true });
  const lock = await acquireFileLock(join(cacheDir, 'temporal-build.lock'), {
    timeoutMs: BUILD_LOCK_TIMEOUT_MS,
    onWait: (pid) => log(`Waiting for process ${pid}, which is building the Temporal CLI`),
  });
  try {
    // Another caller may have finished the build while we waited for the lock.
    if (await isExecutableFile(cached)) return cached;
    await buildCli(go, cacheDir, cached, log);
    return cached;
  } finally {
    await lock.release();
  }
}

async function buildCli(go: string, cacheDir: string, target: string, log: (line: string) => void): Promise<void> {
  // Build into a private directory and rename, so nobody ever sees a half-written binary.
  const staging = join(cacheDir, `.build-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (first run only; a few minutes)`);
  const tail = new TailBuffer();
  const startedAt = Date.now();
  const lines = createLineSplitter((line) => {
    tail.push(line);
    log(line);
  });
  try {
    const exitCode = await new Promise<number | null>((resolveExit, reject) => {
      const child = spawn(go, ['install', `${CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
        // The CLI stores state in pure-Go SQLite, so no C toolchain is needed; say so explicitly.
        env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // go install is silent while compiling for minutes; show that it is still alive.
      const heartbeat = setInterval(
        () => log(`Still building (${Math.round((Date.now() - startedAt) / 1000)} s)`),
        30_000,
      );
      child.once('close', () => clearInterval(heartbeat));
      child.stdout.on('data', (chunk: Buffer) => lines.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => lines.push(chunk));
      child.once('error', (error) => {
        clearInterval(heartbeat);
        reject(error);
      });
      child.once('close', resolveExit);
    });
    lines.end();
    const built = join(staging, executableName('temporal'));
    if (exitCode !== 0 || !(await isExecutableFile(built))) {
      throw new DevstackSetupError(
        [
          `Building the Temporal CLI failed (go install exited with ${exitCode}). The build needs Go >= 1.23`,
          'and access to the Go module proxy. Alternatively set TEMPORAL_CLI to a temporal binary. Last output:',
          tail.toString(),
        ].join('\n'),
      );
    }
    await rename(built, target);
    log(`Temporal CLI ready at ${target} (built in ${Math.round((Date.now() - startedAt) / 1000)} s)`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
