// The impact of a law change over many running cases, beside a bare replay of the same histories in the same
// run: `npm run bench:impact -- [--cases=10000] [--rounds=3]`. Both fold each case's recorded events through
// the reducer; the impact then migrates the case to the candidate and compares (due dates, path, outcome).
// Reading each case's Temporal history, which the API adds per case, is the audit section's measure.
import { caseImpact, landUseDefinition, replay, type Actor, type ProcessDefinition } from '@onewindow/domain';
import { loadavg } from 'node:os';
import { CaseDriver, clerkFor } from '../libs/domain/src/testing/case-driver';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } },
});
const CASES = Number(args.cases);
const ROUNDS = Number(args.rounds);

const administrator: Actor = { id: 'bench-admin', role: 'administrator' };
const candidate: ProcessDefinition = {
  ...landUseDefinition,
  version: 2,
  steps: landUseDefinition.steps.map((s) =>
    s.id === 'consultation' ? { ...s, duration: { value: 30, unit: 'calendarDays' as const } } : s,
  ),
};

/** Running land-use cases spread over a year and over the stages: validation, consultation, assessment, committee. */
function recordedCases(count: number): CaseDriver[] {
  const cases: CaseDriver[] = [];
  const start = Date.parse('2026-01-05T09:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const at = (days: number) => new Date(start + ((i % 300) + days) * 86_400_000).toISOString();
    const development = i % 5 === 0 ? 'major' : 'minor';
    const sut = CaseDriver.for(landUseDefinition, { development }, at(0));
    const stage = i % 4;
    if (stage >= 1) sut.decide('validation', 'valid', at(2), clerkFor('planning'));
    if (stage >= 2) sut.fireNextTimer();
    if (stage >= 3 && development === 'major') sut.decide('assessment', 'recommend-approval', at(30));
    cases.push(sut);
  }
  return cases;
}

function timed(
  label: string,
  cases: CaseDriver[],
  fn: (c: CaseDriver) => unknown,
): { perSecond: number; heapMiB: number } {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  const started = process.hrtime.bigint();
  for (const c of cases) kept.push(fn(c));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  void label;
  return { perSecond: cases.length / seconds, heapMiB };
}

function main(): void {
  const at = new Date(Date.parse('2027-01-04T09:00:00Z')).toISOString();
  process.stderr.write(`building ${CASES} recorded histories…\n`);
  const cases = recordedCases(CASES);
  const events = cases.reduce((n, c) => n + c.events.length, 0);
  const rows: Array<{ round: number; replay: number; impact: number; replayHeap: number; impactHeap: number }> = [];
  let changed = 0;
  for (let round = 1; round <= ROUNDS; round += 1) {
    const bare = timed('replay', cases, (c) => replay(c.ctx, c.submission, c.events));
    let moved = 0;
    const impact = timed('impact', cases, (c) => {
      const result = caseImpact(c, { candidate, at, actor: administrator });
      if (result.changed) moved += 1;
      return result;
    });
    changed = moved;
    rows.push({
      round,
      replay: bare.perSecond,
      impact: impact.perSecond,
      replayHeap: bare.heapMiB,
      impactHeap: impact.heapMiB,
    });
    process.stderr.write(
      `round ${round}: replay ${bare.perSecond.toFixed(0)}/s, impact ${impact.perSecond.toFixed(0)}/s\n`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const replayRate = median(rows.map((r) => r.replay));
  const impactRate = median(rows.map((r) => r.impact));
  console.log(
    JSON.stringify(
      {
        cases: CASES,
        eventsPerCase: Number((events / CASES).toFixed(2)),
        changed,
        rounds: rows,
        median: {
          replayPerSecond: Math.round(replayRate),
          impactPerSecond: Math.round(impactRate),
          ratio: Number((impactRate / replayRate).toFixed(2)),
        },
        heapMiBKept: {
          replay: Number(median(rows.map((r) => r.replayHeap)).toFixed(1)),
          impact: Number(median(rows.map((r) => r.impactHeap)).toFixed(1)),
        },
        maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverage: loadavg(),
      },
      null,
      2,
    ),
  );
}

main();
