// The auditor's command line: `npm run audit -- <command>`; see `npm run audit -- help`.
import { AuditService, createAuditService, verifyExport } from '@onewindow/audit';
import { loadConfig } from '@onewindow/config';
import { createBlobStore } from '@onewindow/documents';
import { createDataSource } from '@onewindow/persistence';
import { Client, Connection } from '@temporalio/client';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run audit -- <command> [options]

  history <id> [--full]                 Temporal history merged with the recorded transitions
  replay <id>                           replay every run against the current workflow code
  state <id> --at <iso> | --seq <n>     the case as it stood at an instant or after a transition
  verify <id>                           check one case against history, the reducer and the workflow
  verify-all [--from <iso>] [--to <iso>] check every case submitted in the range, then the checkpoints
  export <id>... | --from --to  --out <dir>   write JSON Lines, CSV and a manifest
  verify-export <manifest>              re-verify an export from its files alone
  checkpoint create                     sign a checkpoint over every case's head
  checkpoint verify [--anchor <hash>]... verify the checkpoint chain and what it attests

Reads DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and AUDIT_SIGNING_KEY like the API.
Exits 1 when a check finds an issue, 2 on bad usage.`;

class UsageError extends Error {}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    full: { type: 'boolean', default: false },
    at: { type: 'string' },
    seq: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    anchor: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const out = (line = '') => process.stdout.write(`${line}\n`);
const json = (value: unknown) => out(JSON.stringify(value, null, 2));

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date-time, not ${value}`);
  return parsed;
}

function range() {
  const from = date('from', opts.from);
  const to = date('to', opts.to);
  if (from && to && from >= to) throw new UsageError('--from must be before --to');
  return { from, to };
}

function one(args: string[], what: string): string {
  if (args.length !== 1) throw new UsageError(`give one ${what}`);
  return args[0];
}

/** A one-line progress bar on stderr, redrawn in place on a terminal and every 10% otherwise. */
function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      const width = 30;
      const filled = Math.round(ratio * width);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

function table(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows)
    out(
      row
        .map((cell, c) => String(cell).padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
}

async function run(audit: AuditService, command: string, args: string[]): Promise<number> {
  switch (command) {
    case 'history': {
      const entries = await audit.cases.history(one(args, 'request id'), { full: opts.full });
      if (opts.json) {
        json(entries);
        return 0;
      }
      table([
        ['AT', 'SOURCE', 'EVENT', 'SEQ', 'SUMMARY'],
        ...entries.map((e) => [e.at, e.source, e.eventId ?? '', e.seq ?? '', `${e.type} ${e.summary}`]),
      ]);
      return 0;
    }
    case 'replay': {
      const outcomes = await audit.replayCase(one(args, 'request id'));
      for (const o of outcomes) out(`${o.runId}  ${o.deterministic ? 'deterministic' : `DIVERGED: ${o.divergence}`}`);
      return outcomes.every((o) => o.deterministic) ? 0 : 1;
    }
    case 'state': {
      if ((opts.at === undefined) === (opts.seq === undefined))
        throw new UsageError('give exactly one of --at or --seq');
      const seq = opts.seq === undefined ? undefined : Number(opts.seq);
      if (seq !== undefined && (!Number.isInteger(seq) || seq < 0))
        throw new UsageError('--seq must be an integer ≥ 0');
      const point = seq !== undefined ? { seq } : { at: date('at', opts.at)!.toISOString() };
      json(await audit.cases.stateAsOf(one(args, 'request id'), point));
      return 0;
    }
    case 'verify': {
      const result = await audit.cases.verify(one(args, 'request id'));
      if (opts.json) {
        json(result);
        return result.ok ? 0 : 1;
      }
      out(
        `${result.requestId}: ${result.ok ? 'OK' : 'FAILED'} (${result.transitions} transitions, ${result.runs} runs)`,
      );
      for (const i of result.issues) out(`  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
      for (const w of result.warnings) out(`  warning: ${w}`);
      return result.ok ? 0 : 1;
    }
    case 'verify-all': {
      const bar = progressBar('verifying');
      const summary = await audit.verifyAll(range(), (done, total) => bar.update(done, total));
      bar.done();
      if (opts.json) {
        json(summary);
        return summary.failed > 0 || Object.keys(summary.issuesByKind).length > 0 ? 1 : 0;
      }
      table([
        ['RANGE', `${summary.range.from ?? '-'} .. ${summary.range.to ?? '-'}`],
        ['CASES', summary.cases],
        ['CLEAN', summary.clean],
        ['FAILED', summary.failed],
        ['WITHOUT LOG', summary.requestsWithoutLog.length],
        [
          'CHECKPOINTS',
          summary.checkpoints
            ? `${summary.checkpoints.checkpoints} (${summary.checkpoints.uncoveredCases} cases not yet covered)`
            : '-',
        ],
      ]);
      const kinds = Object.entries(summary.issuesByKind);
      if (kinds.length > 0) {
        out();
        table([['ISSUE', 'COUNT'], ...kinds]);
        out();
        table([
          ['REQUEST', 'SEQ', 'ISSUE', 'MESSAGE'],
          ...summary.failures.flatMap((f) => f.issues.map((i) => [i.requestId, i.seq ?? '-', i.kind, i.message])),
          ...(summary.checkpoints?.issues ?? []).map((i) => [i.requestId, i.seq ?? '-', i.kind, i.message]),
        ]);
      }
      for (const id of summary.requestsWithoutLog) out(`request ${id} has no transitions in the log`);
      return kinds.length > 0 || summary.requestsWithoutLog.length > 0 ? 1 : 0;
    }
    case 'export': {
      if (!opts.out) throw new UsageError('give --out <dir>');
      if (args.length === 0 && opts.from === undefined && opts.to === undefined)
        throw new UsageError('give request ids or --from/--to');
      const dir = resolve(opts.out);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const bar = progressBar('exporting');
      const result = await audit.export(
        args.length > 0 ? { requestIds: args } : range(),
        join(dir, `audit-export-${stamp}`),
        (done, total) => bar.update(done, total),
      );
      bar.done();
      out(`${result.manifest.cases.length} cases, ${result.manifest.files.jsonl.transitions} transitions`);
      for (const path of [result.jsonlPath, result.csvPath, result.manifestPath]) out(path);
      const tampered = result.manifest.cases.filter((c) => c.issues.length > 0);
      for (const c of tampered) out(`case ${c.requestId} was exported with ${c.issues.length} issue(s)`);
      return tampered.length > 0 ? 1 : 0;
    }
    case 'verify-export': {
      const result = await verifyExport(resolve(one(args, 'manifest path')));
      out(`${result.ok ? 'OK' : 'FAILED'}: ${result.cases} cases, ${result.transitions} transitions`);
      for (const i of result.issues) out(`  ${i.requestId}  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
      return result.ok ? 0 : 1;
    }
    case 'checkpoint': {
      if (!audit.checkpoints) throw new Error('checkpoints are not configured');
      const [action] = args;
      if (action === 'create') {
        const cp = await audit.checkpoints.create();
        if (opts.json) {
          json(cp);
          return 0;
        }
        out(`checkpoint ${cp.id} at ${cp.createdAt}: ${cp.requestCount} cases, ${cp.transitionCount} transitions`);
        out(`hash ${cp.hash}  (keep it elsewhere; pass it to 'checkpoint verify --anchor')`);
        return 0;
      }
      if (action === 'verify') {
        const result = await audit.checkpoints.verify(opts.anchor ?? []);
        if (opts.json) {
          json(result);
          return result.issues.length > 0 ? 1 : 0;
        }
        out(
          `${result.issues.length === 0 ? 'OK' : 'FAILED'}: ${result.checkpoints} checkpoints, ` +
            `${result.headsChecked} heads checked, ${result.uncoveredCases} cases not yet covered`,
        );
        for (const i of result.issues) out(`  ${i.requestId}  seq ${i.seq ?? '-'}  ${i.kind}  ${i.message}`);
        return result.issues.length > 0 ? 1 : 0;
      }
      throw new UsageError('checkpoint create | checkpoint verify');
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

async function main(): Promise<number> {
  const [command, ...args] = positionals;
  if (!command || command === 'help' || opts.help) {
    out(USAGE);
    return command ? 0 : 2;
  }
  // Offline: needs neither the database nor Temporal.
  if (command === 'verify-export') return run(undefined as never, command, args);
  const config = loadConfig();
  const db = await createDataSource(config.databaseUrl).initialize();
  const connection = await Connection.connect({ address: config.temporalAddress });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const documents = createBlobStore(config, db);
    return await run(
      createAuditService({ db, client, signingKey: config.AUDIT_SIGNING_KEY, auditor: { documents } }),
      command,
      args,
    );
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
