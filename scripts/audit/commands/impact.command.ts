import { impactCsv, ImpactSummary } from '@onewindow/audit';
import { CaseImpact, validateDefinition } from '@onewindow/domain';
import { readFile, writeFile } from 'node:fs/promises';
import { AuditCommand, json, out, progressBar, range, table, UsageError } from '../cli';

const DEFAULT_LIMIT = 10_000;
// The command line waits as long as the cases take; the API bounds its own runs.
const NO_DEADLINE = Number.MAX_SAFE_INTEGER;

export const impactCommand: AuditCommand = {
  name: 'impact',
  usage:
    'impact --candidate <definition.json> [--running] [--from <iso>] [--to <iso>] [--map old=new]… [--offset n] ' +
    '[--limit n] [--csv <file>] what the candidate version would do to the running cases of its key (--running, ' +
    'the default) and to those closed in --from..--to',
  async run(audit, _args, opts) {
    if (!opts.candidate) throw new UsageError('give --candidate <definition.json>');
    const checked = validateDefinition(JSON.parse(await readFile(opts.candidate, 'utf8')) as unknown);
    if (!checked.ok) throw new UsageError(`the candidate is not a valid definition: ${checked.errors.join('; ')}`);
    const candidate = checked.definition;
    const closed = range(opts);
    const bounded = closed.from !== undefined || closed.to !== undefined;
    const mapping = Object.fromEntries(
      (opts.map ?? []).map((pair) => {
        const [from, to] = pair.split('=');
        if (!from || !to) throw new UsageError(`--map takes old=new, not ${pair}`);
        return [from, to];
      }),
    );
    const bar = progressBar('impact');
    const cases: CaseImpact[] = [];
    let summary: ImpactSummary | undefined;
    for await (const line of audit.impact({
      candidate,
      mapping,
      scope: { key: candidate.key, running: opts.running || !bounded, closedFrom: closed.from, closedTo: closed.to },
      offset: whole('offset', opts.offset, 0),
      limit: whole('limit', opts.limit, DEFAULT_LIMIT),
      at: new Date().toISOString(),
      actor: { id: 'audit-cli', role: 'administrator' },
      deadline: NO_DEADLINE,
    })) {
      if (line.type === 'progress') bar.update(line.done, line.total);
      else if (line.type === 'case') cases.push(line);
      else if (line.type === 'failure') process.stderr.write(`\ncase ${line.requestId} not examined: ${line.error}\n`);
      else summary = line;
    }
    bar.done();
    if (opts.csv) await writeFile(opts.csv, impactCsv(cases));
    if (opts.json) {
      json({ summary, cases });
      return 0;
    }
    const s = summary!;
    table([
      ['CANDIDATE', `${s.candidate.key} v${s.candidate.version}`],
      ['CASES', `${s.examined} of ${s.total}${s.nextOffset === null ? '' : ` (next page: --offset ${s.nextOffset})`}`],
      ['CHANGED', s.changed],
      ['CANNOT CARRY', s.cannotCarry],
      ['DUE DATES MOVED', s.dueDatesMoved],
      ['ACTIONS REFUSED', `${s.refusedActions} in ${s.casesWithRefusals} cases`],
      ['OUTCOMES DIFFER', s.outcomesDiffer],
      ['NOT EXAMINED', s.failed],
    ]);
    const changed = cases.filter((c) => c.changed);
    if (changed.length > 0) {
      out();
      table([['REQUEST', 'CHANGE'], ...changed.map((c) => [c.requestId, c.cannotCarry?.message ?? describe(c)])]);
    }
    return s.failed > 0 ? 1 : 0;
  },
};

function describe(c: CaseImpact): string {
  const parts = c.dueDates.map(
    (d) =>
      `${d.clock} ${d.old?.dueDate ?? '-'}→${d.new?.dueDate ?? '-'}` +
      (d.workingDays === null ? '' : ` (${d.workingDays > 0 ? '+' : ''}${d.workingDays} wd)`),
  );
  if (c.stepsAdded.length) parts.push(`+${c.stepsAdded.join(' +')}`);
  if (c.stepsRemoved.length) parts.push(`-${c.stepsRemoved.join(' -')}`);
  if (c.refused.length) parts.push(`${c.refused.length} refused`);
  if (c.outcome.differs) parts.push(`${c.outcome.old}→${c.outcome.new}`);
  return parts.join(', ');
}

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not ${value}`);
  return n;
}
