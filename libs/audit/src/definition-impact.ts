import { Actor, caseImpact, CaseImpact, ProcessDefinition } from '@onewindow/domain';
import type { AuditLogRepository, DefinitionScope } from '@onewindow/persistence';
import type { CaseAuditor } from './case-auditor';
import { reconstruct } from './case-reconstruction';
import { csvLine } from './csv';

export interface ImpactRequest {
  candidate: ProcessDefinition;
  mapping?: Record<string, string>;
  scope: DefinitionScope;
  offset: number;
  limit: number;
  /** When a migration of the running cases would take effect. */
  at: string;
  actor: Actor;
  /** Stop examining cases at this instant (epoch ms); the summary then says where to go on from. */
  deadline: number;
  /** Cases examined side by side (each one reads its Temporal history). */
  concurrency?: number;
}

/** A case the report could not examine (its history unreadable); it is counted, not guessed. */
export interface ImpactFailure {
  requestId: string;
  error: string;
}

export interface ImpactSummary {
  candidate: { key: string; version: number };
  at: string;
  /** Cases in scope, all pages together. */
  total: number;
  offset: number;
  examined: number;
  changed: number;
  unchanged: number;
  cannotCarry: number;
  dueDatesMoved: number;
  /** How many due dates moved by each number of working days ('+6': 6 working days later). */
  movedBy: Record<string, number>;
  stepsAdded: Record<string, number>;
  stepsRemoved: Record<string, number>;
  casesWithRefusals: number;
  refusedActions: number;
  outcomesDiffer: number;
  failed: number;
  /** The time limit ran out before the page was done. */
  timedOut: boolean;
  /** Where the next page starts, or null when this one reached the end of the scope. */
  nextOffset: number | null;
}

/** One line of the streamed report: progress as it goes, each case, then the summary. */
export type ImpactLine =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'case' } & CaseImpact)
  | ({ type: 'failure' } & ImpactFailure)
  | ({ type: 'summary' } & ImpactSummary);

/**
 * What a candidate version would do to a definition's cases: each case's events come from the auditor's
 * reconstruction (the same one verify and time travel use) and go through `caseImpact` (the reducer), so the
 * report needs no rule of its own. Cases come a page at a time, in order, a few read side by side.
 */
export async function* definitionImpact(
  log: AuditLogRepository,
  auditor: CaseAuditor,
  request: ImpactRequest,
): AsyncGenerator<ImpactLine> {
  const { ids, total } = await log.casesOfDefinition(request.scope, { offset: request.offset, limit: request.limit });
  const summary = emptySummary(request, total);
  const lanes = request.concurrency ?? 4;
  yield { type: 'progress', done: 0, total: ids.length };
  for (let start = 0; start < ids.length; start += lanes) {
    if (Date.now() >= request.deadline) {
      summary.timedOut = true;
      summary.nextOffset = request.offset + start;
      break;
    }
    const chunk = ids.slice(start, start + lanes);
    const results = await Promise.all(chunk.map((id) => examine(auditor, id, request)));
    for (const result of results) {
      if ('error' in result) {
        summary.failed += 1;
        yield { type: 'failure', ...result };
      } else {
        count(summary, result);
        yield { type: 'case', ...result };
      }
    }
    summary.examined += chunk.length;
    yield { type: 'progress', done: summary.examined, total: ids.length };
  }
  if (!summary.timedOut) {
    const next = request.offset + ids.length;
    summary.nextOffset = next < total ? next : null;
  }
  yield { type: 'summary', ...summary };
}

async function examine(
  auditor: CaseAuditor,
  requestId: string,
  request: ImpactRequest,
): Promise<CaseImpact | ImpactFailure> {
  try {
    const evidence = await auditor.evidence(requestId);
    const { ctx, events } = reconstruct(evidence.parsed);
    return caseImpact(
      { ctx, submission: evidence.parsed.input.submission, events },
      { candidate: request.candidate, mapping: request.mapping, at: request.at, actor: request.actor },
    );
  } catch (error) {
    return { requestId, error: error instanceof Error ? error.message : String(error) };
  }
}

function emptySummary(request: ImpactRequest, total: number): ImpactSummary {
  return {
    candidate: { key: request.candidate.key, version: request.candidate.version },
    at: request.at,
    total,
    offset: request.offset,
    examined: 0,
    changed: 0,
    unchanged: 0,
    cannotCarry: 0,
    dueDatesMoved: 0,
    movedBy: {},
    stepsAdded: {},
    stepsRemoved: {},
    casesWithRefusals: 0,
    refusedActions: 0,
    outcomesDiffer: 0,
    failed: 0,
    timedOut: false,
    nextOffset: null,
  };
}

/** Adds one case to the summary. */
export function count(summary: ImpactSummary, impact: CaseImpact): void {
  const bump = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);
  if (impact.changed) summary.changed += 1;
  else summary.unchanged += 1;
  if (impact.cannotCarry) summary.cannotCarry += 1;
  for (const due of impact.dueDates) {
    summary.dueDatesMoved += 1;
    const by = due.workingDays === null ? 'n/a' : `${due.workingDays > 0 ? '+' : ''}${due.workingDays}`;
    bump(summary.movedBy, by);
  }
  for (const id of impact.stepsAdded) bump(summary.stepsAdded, id);
  for (const id of impact.stepsRemoved) bump(summary.stepsRemoved, id);
  if (impact.refused.length > 0) summary.casesWithRefusals += 1;
  summary.refusedActions += impact.refused.length;
  if (impact.outcome.differs) summary.outcomesDiffer += 1;
}

export const IMPACT_CSV_HEADER = [
  'requestId',
  'mode',
  'status',
  'changed',
  'cannotCarry',
  'dueDates',
  'stepsAdded',
  'stepsRemoved',
  'refusedActions',
  'outcomeOld',
  'outcomeNew',
];

/** The report's cases as CSV, one row per case (each due date as `clock: old → new (±n wd)`). */
export function impactCsv(cases: CaseImpact[]): string {
  const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
  const rows = cases.map((c) => [
    c.requestId,
    c.mode,
    c.status,
    String(c.changed),
    c.cannotCarry?.message ?? '',
    c.dueDates
      .map(
        (d) =>
          `${d.clock}: ${d.old?.dueDate ?? d.old?.dueAt ?? '-'} → ${d.new?.dueDate ?? d.new?.dueAt ?? '-'}` +
          (d.workingDays === null ? '' : ` (${signed(d.workingDays)} wd)`),
      )
      .join('; '),
    c.stepsAdded.join(' '),
    c.stepsRemoved.join(' '),
    c.refused.map((r) => `${r.at} ${r.type}${r.stepId ? ` ${r.stepId}` : ''}: ${r.reason}`).join('; '),
    c.outcome.old,
    c.outcome.new,
  ]);
  return [IMPACT_CSV_HEADER, ...rows].map((row) => `${csvLine(row)}\n`).join('');
}
