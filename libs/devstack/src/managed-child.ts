import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createLineSplitter } from './line-splitter';

/** Where a child's stdout and stderr go: each whole line to a callback, appended to a file, or nowhere. */
export type ChildOutput = ((line: string) => void) | { file: string } | 'ignore';

export interface ManagedChildOptions {
  /** Names it in messages. */
  name: string;
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  output?: ChildOutput;
  /** How long it has after SIGTERM before SIGKILL. */
  stopGraceMs?: number;
  /**
   * It does not keep the caller's process alive, and is stopped when the caller exits. It stays in the
   * caller's process group, so Ctrl-C in a terminal stops it too.
   */
  background?: boolean;
}

/** How a child ended: its exit code, the signal that ended it, or why it could not start. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface ManagedChild {
  readonly name: string;
  readonly pid: number | undefined;
  readonly exited: Promise<ChildExit>;
  /** How it ended, once it has. */
  exit(): ChildExit | undefined;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after the grace period; resolves once it has ended (`exited` tells how). */
  stop(): Promise<void>;
}

const DEFAULT_STOP_GRACE_MS = 10_000;

/** "exited with code 1", "ended by SIGKILL", "could not start: spawn ENOENT". */
export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not start: ${exit.error.message}`;
  return exit.signal ? `ended by ${exit.signal}` : `exited with code ${exit.code}`;
}

/** Starts a child process that is stopped the one way: SIGTERM, a grace period, then SIGKILL. */
export function startManagedChild(options: ManagedChildOptions): ManagedChild {
  const { name, command, args = [], env, cwd, output = 'ignore', background = false } = options;
  const stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  const fd = typeof output === 'object' ? openSync(output.file, 'a') : undefined;
  const stdio = fd ?? (typeof output === 'function' ? 'pipe' : 'ignore');
  const child: ChildProcess = spawn(command, args, { env, cwd, stdio: ['ignore', stdio, stdio] });
  if (fd !== undefined) closeSync(fd);

  let ended: ChildExit | undefined;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('error', (error) => {
      // A child that never started emits no 'exit'.
      if (child.pid === undefined) resolve((ended = { code: null, signal: null, error }));
    });
    // 'close' rather than 'exit': by then every line it wrote has reached `output`.
    child.once('close', (code, signal) => resolve((ended = { code, signal })));
  });
  if (typeof output === 'function') {
    for (const stream of [child.stdout, child.stderr]) {
      const lines = createLineSplitter(output);
      stream?.on('data', (chunk: Buffer) => lines.push(chunk));
      stream?.on('end', () => lines.end());
    }
  }

  const stopOnCallerExit = () => child.kill('SIGTERM');
  if (background) {
    child.unref();
    for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
    process.on('exit', stopOnCallerExit);
    void exited.then(() => process.off('exit', stopOnCallerExit));
  }

  return {
    name,
    pid: child.pid,
    exited,
    exit: () => ended,
    signal(signal) {
      if (!ended) child.kill(signal);
    },
    async stop() {
      if (ended) return;
      child.kill('SIGTERM');
      // A timer cleared once it has ended: a pending one would keep the caller alive for the grace period.
      const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
