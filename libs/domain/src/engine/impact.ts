import type { Actor } from '../actor';
import { dayOf, parseInstant, workingDaysBetween } from '../calendar/working-calendar';
import { evaluateCondition } from '../definition/condition';
import { definitionGraph } from '../definition/definition-graph';
import { findStep } from '../definition/definition-index';
import type { ProcessDefinition } from '../definition/process-definition.types';
import type { CaseEvent, MigrateDefinitionEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { refusalOf, startCase } from './case-engine';
import { CaseInterpreter } from './case-interpreter';
import { isClosed } from './finalize';
import { caseContext } from './handlers/migration.handler';
import type { ProcessContext, Submission } from './process-context.types';
import { stateAt } from './replay';

/** One case's recorded history, as the auditor reconstructs it. */
export interface RecordedCase {
  ctx: ProcessContext;
  submission: Submission;
  /** The events the reducer accepted, in order (`replay` input). */
  events: CaseEvent[];
}

export interface ImpactOptions {
  candidate: ProcessDefinition;
  /** Old step id → new step id, for active steps whose id changed. */
  mapping?: Record<string, string>;
  /** When a migration of a running case would take effect; a case closed by then is replayed from its start. */
  at: string;
  /** Who would migrate (an administrator): the migration's own rules check the role. */
  actor: Actor;
}

export interface DueChange {
  /** 'case' for the case's statutory clock, else the step's id in the candidate. */
  clock: string;
  old: { dueAt: string; dueDate?: string } | null;
  new: { dueAt: string; dueDate?: string } | null;
  /** Working days the due day moves on the case's calendar (positive: later); null when one side is missing. */
  workingDays: number | null;
}

export interface RefusedAction {
  at: string;
  type: CaseEvent['type'];
  stepId?: string;
  code: string;
  reason: string;
}

export interface CaseImpact {
  requestId: string;
  /** running: migrated at `at`; closed: replayed from the start under the candidate. */
  mode: 'migrate' | 'replay';
  status: CaseState['status'];
  /** Why the candidate cannot carry the case (a step that no longer exists, a missing attribute). */
  cannotCarry?: { code: string; message: string; details?: unknown };
  dueDates: DueChange[];
  stepsAdded: string[];
  stepsRemoved: string[];
  refused: RefusedAction[];
  outcome: { old: string; new: string; differs: boolean };
  /** Anything above differs from the case as it is. */
  changed: boolean;
}

/**
 * What a candidate version would do to one case, from its recorded events alone. A running case is taken to
 * `at` under its own version and migrated there (the same `migrate-definition` event a migration sends, so
 * the report refuses exactly what a migration would); a closed case is replayed from its submission under the
 * candidate, its recorded actions offered at their recorded moments and the candidate's own timers firing
 * when due. Either way every rule is the reducer's.
 */
export function caseImpact(recorded: RecordedCase, options: ImpactOptions): CaseImpact {
  const { ctx, submission, events } = recorded;
  const before = stateAt(ctx, submission, events, { at: options.at });
  return isClosed(before) ? replayedImpact(recorded, before, options) : migratedImpact(recorded, before, options);
}

function migratedImpact(recorded: RecordedCase, before: CaseState, options: ImpactOptions): CaseImpact {
  const event: MigrateDefinitionEvent = {
    type: 'migrate-definition',
    definition: options.candidate,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    reason: 'impact',
    at: laterOf(options.at, before.updatedAt),
    actor: options.actor,
  };
  const base = impactOf(before, 'migrate');
  const refusal = refusalOf(recorded.ctx, before, event);
  if (refusal?.details && (refusal.details as { reason?: string }).reason === 'already-migrated') return base;
  if (refusal) {
    return {
      ...base,
      cannotCarry: { code: refusal.code, message: refusal.message, details: refusal.details },
      changed: true,
    };
  }
  const interpreter = new CaseInterpreter(recorded.ctx, before);
  interpreter.apply(event);
  // A shorter period may already have run out: its timer fires at once, as the workflow's would.
  for (let due = interpreter.dueTimer(event.at); due; due = interpreter.dueTimer(event.at)) interpreter.apply(due);
  return compare(base, recorded.ctx, before, interpreter.state, options, []);
}

function replayedImpact(recorded: RecordedCase, before: CaseState, options: ImpactOptions): CaseImpact {
  const base = impactOf(before, 'replay');
  const ctx: ProcessContext = { ...recorded.ctx, definition: options.candidate };
  let interpreter: CaseInterpreter;
  try {
    interpreter = new CaseInterpreter(ctx, startCase(ctx, recorded.submission).state);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, cannotCarry: { code: 'INVALID_EVENT', message }, changed: true };
  }
  const refused: RefusedAction[] = [];
  const fireDue = (until: string) => {
    for (let at = interpreter.nextDueAt; at !== undefined && parseInstant(at) <= parseInstant(until);) {
      interpreter.apply({ ...interpreter.dueTimer(at)!, at: laterOf(at, interpreter.state.updatedAt) });
      at = interpreter.nextDueAt;
    }
  };
  for (const event of recorded.events) {
    if (parseInstant(event.at) > parseInstant(options.at)) break;
    fireDue(event.at);
    if (event.type === 'timer' || event.type === 'migrate-definition') {
      // A recorded timer fires under the candidate only if the candidate has it due by then; a recorded
      // migration is what the candidate replaces.
      interpreter.offer(event);
      continue;
    }
    const refusal = refusalOf(ctx, interpreter.state, event);
    if (refusal) {
      refused.push({
        at: event.at,
        type: event.type,
        ...('stepId' in event && typeof event.stepId === 'string' ? { stepId: event.stepId } : {}),
        code: refusal.code,
        reason: refusal.message,
      });
    } else interpreter.apply(event);
  }
  fireDue(before.updatedAt);
  return compare(base, recorded.ctx, before, interpreter.state, options, refused);
}

function impactOf(state: CaseState, mode: CaseImpact['mode']): CaseImpact {
  const outcome = outcomeOf(state);
  return {
    requestId: state.requestId,
    mode,
    status: state.status,
    dueDates: [],
    stepsAdded: [],
    stepsRemoved: [],
    refused: [],
    outcome: { old: outcome, new: outcome, differs: false },
    changed: false,
  };
}

function compare(
  base: CaseImpact,
  ctx: ProcessContext,
  before: CaseState,
  after: CaseState,
  options: ImpactOptions,
  refused: RefusedAction[],
): CaseImpact {
  const calendar = after.calendar ?? ctx.calendar;
  const ahead = base.mode === 'migrate';
  const oldPath = pathOf(caseContext(ctx, before).definition, before, ahead);
  const newPath = pathOf(options.candidate, after, ahead);
  const renamed = (id: string) => options.mapping?.[id] ?? id;
  const oldRenamed = new Set([...oldPath].map(renamed));
  const stepsAdded = [...newPath].filter((id) => !oldRenamed.has(id)).sort();
  const stepsRemoved = [...oldPath].filter((id) => !newPath.has(renamed(id))).sort();
  const dueDates = dueChanges(calendar, before, after, renamed);
  const outcome = outcomeOf(after);
  const differs = outcome !== base.outcome.old;
  return {
    ...base,
    dueDates,
    stepsAdded,
    stepsRemoved,
    refused,
    outcome: { old: base.outcome.old, new: outcome, differs },
    changed: dueDates.length > 0 || stepsAdded.length > 0 || stepsRemoved.length > 0 || refused.length > 0 || differs,
  };
}

function dueChanges(
  calendar: ProcessContext['calendar'],
  before: CaseState,
  after: CaseState,
  renamed: (id: string) => string,
): DueChange[] {
  const clocks = (state: CaseState, rename: (id: string) => string) => {
    const map = new Map<string, { dueAt: string; dueDate?: string }>();
    if (state.caseClock) map.set('case', dueOf(state.caseClock));
    for (const a of state.activeSteps) if (a.clock) map.set(rename(a.stepId), dueOf(a.clock));
    return map;
  };
  const old = clocks(before, renamed);
  const now = clocks(after, (id) => id);
  const changes: DueChange[] = [];
  for (const clock of new Set([...old.keys(), ...now.keys()])) {
    const o = old.get(clock) ?? null;
    const n = now.get(clock) ?? null;
    if (o?.dueAt === n?.dueAt) continue;
    const workingDays =
      o && n
        ? workingDaysBetween(calendar, o.dueDate ?? dayOf(o.dueAt, calendar), n.dueDate ?? dayOf(n.dueAt, calendar))
        : null;
    changes.push({ clock, old: o, new: n, workingDays });
  }
  return changes;
}

function dueOf(clock: { dueAt: string; dueDate?: string }): { dueAt: string; dueDate?: string } {
  return clock.dueDate === undefined ? { dueAt: clock.dueAt } : { dueAt: clock.dueAt, dueDate: clock.dueDate };
}

function outcomeOf(state: CaseState): string {
  return state.decision?.outcome ? `${state.status}:${state.decision.outcome}` : state.status;
}

/**
 * The steps on a case's path: those it completed, those active, and (`ahead`) those its definition can still
 * route it to from there (steps whose condition the case's attributes fail are skipped, so they are not on it).
 */
export function pathOf(definition: ProcessDefinition, state: CaseState, ahead: boolean): Set<string> {
  const path = new Set<string>();
  for (const h of state.history) if (h.result === 'completed') path.add(h.stepId);
  const next = routesOf(definition);
  for (const a of state.activeSteps) path.add(a.stepId);
  const queue = ahead ? state.activeSteps.map((a) => a.stepId) : [];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry = findStep(definition, id);
    if (!entry) continue;
    const runs = !entry.step.when || evaluateCondition(entry.step.when, state.attributes);
    if (runs) path.add(id);
    if (entry.kind === 'top' && entry.step.kind === 'parallel') queue.push(...entry.step.members.map((m) => m.id));
    queue.push(...(next.get(id) ?? []).filter((to) => findStep(definition, to)));
  }
  return path;
}

// Definitions are immutable snapshots, and a report asks about the same two for every case.
const routes = new WeakMap<ProcessDefinition, Map<string, string[]>>();

/** Where each step can route to, from the definition's graph. */
function routesOf(definition: ProcessDefinition): Map<string, string[]> {
  let next = routes.get(definition);
  if (!next) {
    next = new Map();
    for (const edge of definitionGraph(definition).edges)
      next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    routes.set(definition, next);
  }
  return next;
}

function laterOf(a: string, b: string): string {
  return parseInstant(a) >= parseInstant(b) ? a : b;
}
