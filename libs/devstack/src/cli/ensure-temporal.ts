// Makes sure a Temporal CLI exists (building it once into the cache) and prints its path.
// Usage: npx tsx libs/devstack/src/cli/ensure-temporal.ts [--cache-dir DIR]
// Honours TEMPORAL_CLI like the apps do; this entry is the caller that reads the environment.
import { parseArgs } from 'node:util';
import { ensureTemporalCli } from '../temporal-cli';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'cache-dir': { type: 'string' } } });
  const cliPath = await ensureTemporalCli({
    explicitPath: process.env.TEMPORAL_CLI || undefined,
    cacheDir: values['cache-dir'] ?? (process.env.ONEWINDOW_CACHE_DIR || undefined),
    log: (line) => process.stderr.write(`[temporal-cli] ${line}\n`),
  });
  process.stdout.write(`${cliPath}\n`);
}

main().catch((error: unknown) => {
  // The message says what to do; a stack trace would only bury it.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
