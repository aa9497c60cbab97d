// The auditor's command line: `npm run audit -- <command>`; see `npm run audit -- help`.
import { createAuditService } from '@onewindow/audit';
import { createBlobStore } from '@onewindow/documents';
import { loadConfig } from '@onewindow/config';
import { createDataSource } from '@onewindow/persistence';
import { Client, Connection } from '@temporalio/client';
import { AuditCommand, options, out, UsageError } from './cli';
import { checkpointCommand } from './commands/checkpoint.command';
import { exportCommand } from './commands/export.command';
import { historyCommand } from './commands/history.command';
import { impactCommand } from './commands/impact.command';
import { replayCommand } from './commands/replay.command';
import { stateCommand } from './commands/state.command';
import { verifyAllCommand } from './commands/verify-all.command';
import { verifyExportCommand } from './commands/verify-export.command';
import { verifyCommand } from './commands/verify.command';

const COMMANDS: AuditCommand[] = [
  historyCommand,
  replayCommand,
  stateCommand,
  verifyCommand,
  verifyAllCommand,
  exportCommand,
  verifyExportCommand,
  checkpointCommand,
  impactCommand,
];

const USAGE = `Usage: npm run audit -- <command> [options]

${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

Reads DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, AUDIT_SIGNING_KEY and AUDIT_PREVIOUS_SIGNING_KEYS like the API.
Exits 1 when a check finds an issue, 2 on bad usage.`;

async function main(): Promise<number> {
  const { values: opts, positionals } = options;
  const [name, ...args] = positionals;
  if (!name || name === 'help' || opts.help) {
    out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command ${name}`);
  if (command.offline) return command.run(undefined as never, args, opts);
  const config = loadConfig();
  const db = await createDataSource(config.databaseUrl).initialize();
  const connection = await Connection.connect(config.temporalConnection);
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const documents = createBlobStore(config, db);
    const audit = createAuditService({
      db,
      client,
      signingKey: config.AUDIT_SIGNING_KEY,
      previousSigningKeys: config.auditPreviousSigningKeys,
      auditor: { documents },
    });
    return await command.run(audit, args, opts);
  } finally {
    await connection.close();
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
