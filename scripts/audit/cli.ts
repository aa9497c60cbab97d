import type { AuditService } from '@onewindow/audit';
import { parseArgs } from 'node:util';

/** Bad usage: the message and the usage are printed, and the command exits 2. */
export class UsageError extends Error {}

export const options = parseArgs({
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
    candidate: { type: 'string' },
    map: { type: 'string', multiple: true },
    running: { type: 'boolean', default: false },
    offset: { type: 'string' },
    limit: { type: 'string' },
    csv: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

export type Options = typeof options.values;

/** One command of the auditor's command line; it answers with the process's exit code. */
export interface AuditCommand {
  name: string;
  /** Its line in the usage text. */
  usage: string;
  /** Works from files alone, without the database or Temporal. */
  offline?: boolean;
  run(audit: AuditService, args: string[], opts: Options): Promise<number>;
}

export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

export function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date-time, not ${value}`);
  return parsed;
}

export function range(opts: Options): { from?: Date; to?: Date } {
  const from = date('from', opts.from);
  const to = date('to', opts.to);
  if (from && to && from >= to) throw new UsageError('--from must be before --to');
  return { from, to };
}

export function one(args: string[], what: string): string {
  if (args.length !== 1) throw new UsageError(`give one ${what}`);
  return args[0];
}

/** A one-line progress bar on stderr, redrawn in place on a terminal and every 10% otherwise. */
export function progressBar(label: string) {
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

export function table(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) {
    out(
      row
        .map((cell, c) => String(cell).padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
  }
}
