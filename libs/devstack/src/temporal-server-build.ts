import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureGoPrograms, findGo } from './go-install';
import { defaultCliCacheDir } from './temporal-cli';

/** The server release the CLI's dev server embeds, so the cluster and the tests run the same server. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the server module: the SQL the schema tool applies. */
  schemaDir: string;
}

/**
 * The Temporal server and its SQL schema tool, built once with `go install` into the cache (like the
 * CLI), and the module's PostgreSQL schema folder.
 */
export async function ensureTemporalServer(
  opts: { cacheDir?: string; log?: (line: string) => void } = {},
): Promise<TemporalServerBinaries> {
  const log = opts.log ?? (() => undefined);
  const cacheDir = resolve(opts.cacheDir ?? defaultCliCacheDir());
  const [server, sqlTool] = await ensureGoPrograms({
    what: `the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool`,
    programs: [
      {
        pkg: `${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
        installedAs: 'server',
        cachedAs: 'temporal-server',
      },
      {
        pkg: `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
        installedAs: 'sql',
        cachedAs: 'temporal-sql-tool',
      },
    ],
    cacheDir,
    lockName: 'temporal-build.lock',
    log,
  });
  const go = await findGo(`the Temporal server ${TEMPORAL_SERVER_VERSION}'s schema`);
  const { stdout } = await promisify(execFile)(
    go,
    ['mod', 'download', '-json', `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`],
    {
      cwd: cacheDir,
      timeout: 10 * 60_000,
    },
  );
  const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
  return { server, sqlTool, schemaDir: join(moduleDir, 'schema', 'postgresql', 'v12') };
}
