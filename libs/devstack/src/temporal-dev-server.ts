import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { DevstackSetupError } from './devstack-error';
import { findFreePort, isPortInUse } from './free-port';
import { createLineSplitter, TailBuffer } from './line-splitter';

export type SearchAttributeType = 'Keyword' | 'KeywordList' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime';

const SEARCH_ATTRIBUTE_TYPES: ReadonlySet<string> = new Set<SearchAttributeType>([
  'Keyword',
  'KeywordList',
  'Text',
  'Int',
  'Double',
  'Bool',
  'Datetime',
]);
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

export interface TemporalDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

export interface StartTemporalDevServerOptions {
  cliPath: string;
  ip?: string;
  port?: number;
  uiPort?: number | false;
  dbFile?: string;
  namespace: string;
  searchAttributes: Record<string, SearchAttributeType>;
  logFile?: string;
  log?: (line: string) => void;
}

export interface StartDevArgsInput {
  ip: string;
  port: number;
  uiPort: number | false;
  dbFile?: string;
  namespace: string;
  searchAttributes: Record<string, SearchAttributeType>;
}

/** The `temporal server start-dev` command line; validated here because the CLI's own errors are terse. */
export function buildStartDevArgs(input: StartDevArgsInput): string[] {
  const attributes = Object.entries(input.searchAttributes).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, type] of attributes) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid search attribute name "${name}"`);
    if (!SEARCH_ATTRIBUTE_TYPES.has(type))
      throw new Error(`Invalid type "${String(type)}" for search attribute ${name}`);
  }
  return [
    'server',
    'start-dev',
    '--ip',
    input.ip,
    '--port',
    String(input.port),
    ...(input.uiPort === false ? ['--headless'] : ['--ui-port', String(input.uiPort)]),
    ...(input.dbFile ? ['--db-filename', input.dbFile] : []),
    '--namespace',
    input.namespace,
    '--log-level',
    'warn',
    ...attributes.flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
}

/** host:port as gRPC expects it, with IPv6 literals bracketed. */
export function formatAddress(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Starts `temporal server start-dev` and resolves once it serves the namespace and its search attributes. */
export async function startTemporalDevServer(opts: StartTemporalDevServerOptions): Promise<TemporalDevServer> {
  const log = opts.log ?? (() => undefined);
  const ip = opts.ip ?? '127.0.0.1';
  const port = opts.port || (await findFreePort(ip));
  const uiPort = opts.uiPort === false ? false : opts.uiPort || (await findFreePort(ip));
  const address = formatAddress(ip, port);
  // The server reports a taken port inconsistently (sometimes as a Go panic), so check first.
  for (const [what, taken] of [
    ['port', opts.port ? port : undefined],
    ['uiPort', opts.uiPort ? uiPort : undefined],
  ] as const) {
    if (typeof taken === 'number' && (await isPortInUse(ip, taken))) {
      throw new DevstackSetupError(`Cannot start the Temporal dev server: ${what} ${ip}:${taken} is already in use.`);
    }
  }
  const args = buildStartDevArgs({
    ip,
    port,
    uiPort,
    dbFile: opts.dbFile,
    namespace: opts.namespace,
    searchAttributes: opts.searchAttributes,
  });
  if (opts.dbFile) await mkdir(dirname(opts.dbFile), { recursive: true });
  const output = await openServerOutput(opts.logFile);

  const startedAt = Date.now();
  log(`Starting Temporal dev server on ${address}${opts.logFile ? ` (log: ${opts.logFile})` : ''}`);
  // Same process group as the caller on purpose: Ctrl-C in a terminal then stops the server too.
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', output.stdio, output.stdio] });
  output.attach(child);
  // The server must not keep a finished caller alive; the exit hook below ends it instead.
  child.unref();
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // A plain timer we clear: a pending grace timer would keep the caller's process alive for seconds.
      let graceTimer: NodeJS.Timeout | undefined;
      const graceful = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolveGrace) => (graceTimer = setTimeout(() => resolveGrace(false), STOP_GRACE_MS))),
      ]);
      clearTimeout(graceTimer);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    output.close();
  };

  try {
    await waitUntilServing({
      address,
      namespace: opts.namespace,
      searchAttributes: Object.keys(opts.searchAttributes),
      hasExited: () => spawnError ?? (child.exitCode !== null || child.signalCode !== null),
    });
  } catch (error) {
    await stop();
    const tail = summariseServerOutput(await output.tail());
    throw new DevstackSetupError(
      `The Temporal dev server (${opts.cliPath} ${args.join(' ')}) did not become ready: ${(error as Error).message}` +
        (tail ? `\nLast server output:\n${tail}` : ''),
    );
  }
  log(`Temporal dev server ready on ${address} in ${Date.now() - startedAt} ms`);
  return {
    address,
    namespace: opts.namespace,
    uiUrl: uiPort === false ? undefined : `http://${formatAddress(ip, uiPort)}`,
    stop,
  };
}

/** The last meaningful lines of server output: a Go panic's goroutine dump says nothing to our users. */
export function summariseServerOutput(output: string, maxLines = 30): string {
  const lines = output.split(/\r?\n/);
  const panicAt = lines.findIndex((line) => line.startsWith('panic:'));
  const dumpAt = lines.findIndex((line, index) => index > panicAt && panicAt >= 0 && line.startsWith('goroutine '));
  const kept = dumpAt >= 0 ? lines.slice(0, dumpAt) : lines;
  return kept
    .filter((line) => line.trim())
    .slice(-maxLines)
    .join('\n');
}

interface ServerOutput {
  stdio: 'pipe' | number;
  attach(child: ChildProcess): void;
  tail(): Promise<string>;
  close(): void;
}

/** Server output goes to the log file, or into memory for error messages; never to the caller's terminal. */
async function openServerOutput(logFile: string | undefined): Promise<ServerOutput> {
  if (!logFile) {
    const buffer = new TailBuffer(200);
    return {
      stdio: 'pipe',
      attach(child) {
        for (const stream of [child.stdout, child.stderr]) {
          const lines = createLineSplitter((line) => buffer.push(line));
          stream?.on('data', (chunk: Buffer) => lines.push(chunk));
          // Unreferenced pipes let the caller exit while the server still runs (then the exit hook stops it).
          (stream as unknown as { unref?: () => void } | null)?.unref?.();
        }
      },
      tail: () => Promise.resolve(buffer.toString()),
      close: () => undefined,
    };
  }
  await mkdir(dirname(logFile), { recursive: true });
  let fd: number | undefined = openSync(logFile, 'a');
  return {
    stdio: fd,
    attach: () => undefined,
    tail: () => readTail(logFile),
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

async function readTail(file: string, bytes = 8_192): Promise<string> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8').trim();
  } finally {
    await handle.close();
  }
}

async function waitUntilServing(opts: {
  address: string;
  namespace: string;
  searchAttributes: string[];
  hasExited: () => boolean | Error;
}): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'not started';
  while (Date.now() < deadline) {
    const exited = opts.hasExited();
    if (exited) throw exited instanceof Error ? exited : new Error('the server process exited');
    try {
      await probe(opts);
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`no answer within ${READY_TIMEOUT_MS / 1000}s (last: ${lastError})`);
}

/** Ready means the frontend answers, the namespace exists and every search attribute is registered. */
async function probe(opts: { address: string; namespace: string; searchAttributes: string[] }): Promise<void> {
  const connection = await Connection.connect({ address: opts.address, connectTimeout: '2s' });
  try {
    await connection.workflowService.getSystemInfo({});
    await connection.workflowService.describeNamespace({ namespace: opts.namespace });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
    const missing = opts.searchAttributes.filter((name) => !customAttributes || !(name in customAttributes));
    if (missing.length) throw new Error(`search attributes not registered yet: ${missing.join(', ')}`);
  } finally {
    await connection.close();
  }
}
