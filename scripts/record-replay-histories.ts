// Runs every replay scenario on a fresh dev server and saves each workflow's history under tests/replay/histories.
import { loadConfig } from '@onewindow/config';
import { createLogger } from '@onewindow/logging';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import globalSetup from '../tests/support/global-setup';
import globalTeardown from '../tests/support/global-teardown';
import { startTestEnv } from '../tests/support/test-env';
import { HISTORIES_DIR, historyToPlain, RecordedHistory } from '../tests/replay/recorded-history';
import { scenarios } from '../tests/replay/scenarios';

const logger = createLogger({ service: 'replay-record', level: loadConfig().LOG_LEVEL });

async function main(): Promise<void> {
  // The scenarios named, or all of them.
  const only = parseArgs({ allowPositionals: true }).positionals;
  const chosen = only.length > 0 ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  await globalSetup();
  const env = await startTestEnv();
  try {
    await mkdir(HISTORIES_DIR, { recursive: true });
    if (only.length === 0) {
      for (const f of (await readdir(HISTORIES_DIR)).filter((f) => f.endsWith('.json'))) {
        await rm(join(HISTORIES_DIR, f));
      }
    }
    const results = await Promise.allSettled(
      chosen.map(async (scenario) => {
        const workflows = await scenario.run(env);
        for (const { name, workflowId } of workflows) {
          const handle = env.client.workflow.getHandle(workflowId);
          const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
          const recorded: RecordedHistory<unknown> = {
            scenario: scenario.name,
            workflowType: description.type,
            workflowId,
            recordedAt: new Date().toISOString(),
            history: historyToPlain(history),
          };
          await writeFile(join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(recorded)}\n`);
          logger.info({ scenario: scenario.name, events: history.events?.length ?? 0 }, `recorded ${name}`);
        }
      }),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[chosen[i].name, r.reason] as const] : []));
    for (const [name, err] of failed) logger.error({ scenario: name, err }, `scenario ${name} failed`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await env.close().catch((err: unknown) => logger.error({ err }, 'closing the worker failed'));
    await globalTeardown();
  }
}

main().catch((err: unknown) => {
  logger.error({ err }, 'recording failed');
  process.exit(1);
});
