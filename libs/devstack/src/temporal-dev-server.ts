import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { DevstackSetupError } from './devstack-error';
import { findFreePort, isPortInUse } from './free-port';
import { TailBuffer } from './line-splitter';
import { startManagedChild } from './managed-child';
import { waitUntil } from './wait-until';

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
  if (opts.logFile) await mkdir(dirname(opts.logFile), { recursive: true });
  // Its output goes to the log file, or into memory for error messages; never to the caller's terminal.
  const recent = new TailBuffer(200);

  const startedAt = Date.now();
  log(`Starting Temporal dev server on ${address}${opts.logFile ? ` (log: ${opts.logFile})` : ''}`);
  const server = startManagedChild({
    name: 'the Temporal dev server',
    command: opts.cliPath,
    args,
    output: opts.logFile ? { file: opts.logFile } : (line) => recent.push(line),
    stopGraceMs: STOP_GRACE_MS,
    // It must not keep a finished caller alive; it is stopped when the caller exits.
    background: true,
  });
  const stop = () => server.stop();

  try {
    await waitUntil(
      `the Temporal dev server on ${address} to serve namespace ${opts.namespace}`,
      () => probe({ address, namespace: opts.namespace, searchAttributes: Object.keys(opts.searchAttributes) }),
      { timeoutMs: READY_TIMEOUT_MS, child: server },
    );
  } catch (error) {
    await stop();
    const tail = summariseServerOutput(opts.logFile ? await readTail(opts.logFile) : recent.toString());
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

/** Ready means the frontend answers, the namespace exists and every search attribute is registered. */
async function probe(opts: { address: string; namespace: string; searchAttributes: string[] }): Promise<true> {
  const connection = await Connection.connect({ address: opts.address, connectTimeout: '2s' });
  try {
    await connection.workflowService.getSystemInfo({});
    await connection.workflowService.describeNamespace({ namespace: opts.namespace });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
    const missing = opts.searchAttributes.filter((name) => !customAttributes || !(name in customAttributes));
    if (missing.length) throw new Error(`search attributes not registered yet: ${missing.join(', ')}`);
    return true;
  } finally {
    await connection.close();
  }
}
