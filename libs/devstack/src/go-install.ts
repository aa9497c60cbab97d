import { execFile } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DevstackSetupError } from './devstack-error';
import { acquireFileLock } from './file-lock';
import { findOnPath, isExecutableFile } from './temporal-cli';

const BUILD_LOCK_TIMEOUT_MS = 30 * 60_000;

/** One program of a Go module: `package@version`, the name `go install` gives it, the name it gets in the cache. */
export interface GoProgram {
  pkg: string;
  installedAs: string;
  cachedAs: string;
}

/** The Go toolchain on PATH or at Go's default install location; `what` says what it is needed for. */
export async function findGo(what: string): Promise<string> {
  const go =
    (await findOnPath('go')) ?? ((await isExecutableFile('/usr/local/go/bin/go')) ? '/usr/local/go/bin/go' : '');
  if (!go) throw new DevstackSetupError(`Go >= 1.23 is needed to build ${what} (install it from https://go.dev/dl/)`);
  return go;
}

/**
 * Builds Go programs once with `go install` (through Go's module proxy, the only download) into the cache
 * under names of their own, one build at a time across processes; returns their paths in `programs` order.
 */
export async function ensureGoPrograms(opts: {
  what: string;
  programs: GoProgram[];
  cacheDir: string;
  lockName: string;
  log: (line: string) => void;
}): Promise<string[]> {
  const { cacheDir, log, what } = opts;
  const paths = opts.programs.map((p) => join(cacheDir, p.cachedAs));
  const missing = async () => (await Promise.all(paths.map(isExecutableFile))).some((ok) => !ok);
  if (!(await missing())) return paths;
  const go = await findGo(`${what} into ${cacheDir}`);
  await mkdir(cacheDir, { recursive: true });
  const lock = await acquireFileLock(join(cacheDir, opts.lockName), {
    timeoutMs: BUILD_LOCK_TIMEOUT_MS,
    onWait: (pid) => log(`Waiting for process ${pid}, which is building ${what}`),
  });
  try {
    if (!(await missing())) return paths;
    const staging = join(cacheDir, `.build-${opts.lockName}-${process.pid}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    log(`Building ${what} with ${go} (first run only)`);
    const started = Date.now();
    try {
      await promisify(execFile)(go, ['install', ...opts.programs.map((p) => p.pkg)], {
        env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: Error & { stderr?: string }) => {
        throw new DevstackSetupError(`Building ${what} failed: ${(error.stderr || error.message).trim()}`);
      });
      for (const [i, program] of opts.programs.entries()) await rename(join(staging, program.installedAs), paths[i]);
      log(`${what} ready in ${cacheDir} (built in ${Math.round((Date.now() - started) / 1000)} s)`);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    await lock.release();
  }
  return paths;
}
