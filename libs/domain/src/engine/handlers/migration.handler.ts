import { showInstant } from '../../calendar/working-calendar';
import type { WorkingCalendar } from '../../calendar/working-calendar.types';
import { Refusal } from '../../domain-error';
import { findStep, outcomesOf } from '../../definition/definition-index';
import { validateDefinition } from '../../definition/definition-validator';
import type { Duration } from '../../definition/process-definition.types';
import { roleRefusal } from '../authorization';
import type { MigrateDefinitionEvent } from '../case-event.types';
import type { CaseState } from '../case-state.types';
import type { Clock } from '../clock.types';
import { isDateUnit, isPaused, pauseClock, recountClock, startClock } from '../clock';
import type { ProcessContext } from '../process-context.types';
import type { CaseView, Reduction } from '../reduction';
import { resolveDuration } from '../routing';

/** The context a case runs under now: the version it migrated to, else the one it started with. */
export function caseContext(ctx: ProcessContext, state: CaseState): ProcessContext {
  return state.definition ? { ...ctx, definition: state.definition } : ctx;
}

// A bulk migration or an impact report offers one target object to many cases: validate it once.
const validations = new WeakMap<object, ReturnType<typeof validateDefinition>>();

function validated(definition: MigrateDefinitionEvent['definition']): ReturnType<typeof validateDefinition> {
  let result = validations.get(definition);
  if (!result) {
    result = validateDefinition(definition);
    validations.set(definition, result);
  }
  return result;
}

/** Where each active step continues in the new version: its mapped id, else its own. */
function targetOf(event: MigrateDefinitionEvent, stepId: string): string {
  return event.mapping?.[stepId] ?? stepId;
}

/** Why the case cannot be carried to `event.definition`, or undefined when it can. */
export function checkMigrate(v: CaseView, event: MigrateDefinitionEvent): Refusal | undefined {
  const role = roleRefusal(v, ['administrator'], 'migrating a case to another definition version');
  if (role) return role;
  const s = v.state;
  const checked = validated(event.definition);
  if (!checked.ok) return new Refusal('INVALID_EVENT', `invalid definition: ${checked.errors.join('; ')}`);
  const target = checked.definition;
  if (target.key !== s.definitionKey) {
    return new Refusal('INVALID_EVENT', `the case runs '${s.definitionKey}', not '${target.key}'`);
  }
  if (target.version === s.definitionVersion) {
    return new Refusal('CONFLICT', `the case already runs '${target.key}' v${target.version}`, {
      reason: 'already-migrated',
    });
  }
  const missing = (target.attributesSchema?.required ?? []).filter((name) => s.attributes[name] === undefined);
  if (missing.length > 0) {
    return new Refusal('CONFLICT', `v${target.version} requires attributes the case lacks: ${missing.join(', ')}`, {
      reason: 'missing-attributes',
      attributes: missing,
    });
  }
  const seen = new Set<string>();
  for (const active of s.activeSteps) {
    const to = targetOf(event, active.stepId);
    const entry = findStep(target, to);
    const unmapped = (message: string) =>
      new Refusal('CONFLICT', message, { reason: 'unmapped-step', stepId: active.stepId, to });
    if (!entry) {
      return unmapped(`active step '${active.stepId}' has no step '${to}' in v${target.version}; map it to one`);
    }
    if (seen.has(to)) return unmapped(`two active steps would both continue as '${to}'`);
    seen.add(to);
    const kind = entry.kind === 'member' ? 'member' : (entry.step.kind ?? 'task');
    const was = active.groupId !== undefined ? 'member' : active.kind;
    if (kind !== was) return unmapped(`'${active.stepId}' is a ${was} step but '${to}' is a ${kind} step`);
    if (entry.kind === 'member' && entry.group.id !== targetOf(event, active.groupId!)) {
      return unmapped(`'${to}' is a member of '${entry.group.id}', not of where '${active.groupId}' goes`);
    }
  }
  return undefined;
}

interface Moved {
  name: string;
  stepId: string | null;
  before: { dueAt?: string; dueDate?: string };
  clock?: Clock;
}

/**
 * Carries the case to the new version: active steps take their new ids, titles, owners and outcomes, each
 * running clock is recounted under the new period from where it was counted, a paused one keeps what is left
 * plus the change, and the timers follow (finalize derives them). The reduction already runs under the new
 * definition (see `apply`).
 */
export function migrate(r: Reduction, event: MigrateDefinitionEvent): void {
  const s = r.state;
  const target = r.ctx.definition;
  const from = { key: s.definitionKey, version: s.definitionVersion };
  const steps: { from: string; to: string }[] = [];
  const moved: Moved[] = [];
  for (const active of s.activeSteps) {
    const to = targetOf(event, active.stepId);
    if (to !== active.stepId) steps.push({ from: active.stepId, to });
    const entry = findStep(target, to)!;
    const before = { dueAt: active.clock?.dueAt, dueDate: active.clock?.dueDate };
    active.stepId = to;
    active.title = entry.step.title;
    active.owner = { ...entry.step.owner };
    active.outcomes = outcomesOf(target, to);
    if (active.groupId !== undefined) active.groupId = targetOf(event, active.groupId);
    if (active.pendingMembers) active.pendingMembers = active.pendingMembers.map((id) => targetOf(event, id));
    if (active.votes) {
      active.votes = Object.fromEntries(Object.entries(active.votes).map(([id, vote]) => [targetOf(event, id), vote]));
    }
    s.activations[to] = Math.max(s.activations[to] ?? 0, active.activation);
    const clock = recount(r.calendar, active.clock, resolveDuration(r, entry.step), active.activatedAt, r.at);
    if (clock) active.clock = clock;
    else delete active.clock;
    moved.push({ name: to, stepId: to, before, clock });
  }
  const policy = target.caseClock;
  if (s.caseClock) {
    const before = { dueAt: s.caseClock.dueAt, dueDate: s.caseClock.dueDate };
    const clock = recount(r.calendar, s.caseClock, policy && resolveDuration(r, policy), s.caseClock.startedAt, r.at);
    if (clock) s.caseClock = clock;
    else delete s.caseClock;
    moved.push({ name: 'case', stepId: null, before, clock });
  }
  s.definitionVersion = target.version;
  s.definition = target;
  r.emit({
    stepId: null,
    event: 'definition.migrated',
    fromState: s.status,
    toState: s.status,
    reason: event.reason,
    data: { from, to: { key: target.key, version: target.version }, mapping: event.mapping ?? {}, steps },
  });
  for (const { name, stepId, before, clock } of moved) {
    if (before.dueAt === clock?.dueAt) continue;
    const state = stepId === null ? s.status : (s.activeSteps.find((a) => a.stepId === stepId)?.state ?? s.status);
    r.emit({
      stepId,
      event: 'deadline.recomputed',
      fromState: state,
      toState: state,
      reason: `migrated to '${target.key}' v${target.version}`,
      data: {
        clock: name,
        definition: { key: target.key, version: target.version },
        old: before,
        new: { dueAt: clock?.dueAt, dueDate: clock?.dueDate },
        shown: {
          old: before.dueAt && showInstant(before.dueAt, r.calendar),
          new: clock && showInstant(clock.dueAt, r.calendar),
        },
      },
    });
  }
}

/**
 * A clock under a new period. The same unit: the count moves by the difference (a running clock from its
 * basis, a paused one by what is left), so the days already used stay used. A period that appears counts from
 * when the step (or clock) began; a change of unit (or a period in months) recounts the new period from the clock's start.
 */
function recount(
  calendar: WorkingCalendar,
  clock: Clock | undefined,
  duration: Duration | undefined,
  begun: string,
  at: string,
): Clock | undefined {
  if (!duration) return undefined;
  if (!clock) return startClock(calendar, begun, duration);
  const next: Clock = JSON.parse(JSON.stringify(clock)) as Clock;
  const delta = duration.value - clock.duration.value;
  // A month has no fixed length in days: a period in months or years is recounted from the clock's start.
  const sameUnit = duration.unit === clock.duration.unit && duration.unit !== 'months' && duration.unit !== 'years';
  if (duration.unit === clock.duration.unit && delta === 0) return { ...next, duration };
  if (sameUnit && isPaused(next)) {
    next.remaining =
      (next.remaining ?? 0) + (isDateUnit(duration.unit) ? delta : delta * (UNIT_MS[duration.unit] ?? 0));
    return { ...next, duration };
  }
  if (sameUnit && next.basis) {
    next.duration = duration;
    next.basis = { from: next.basis.from, days: next.basis.days + delta };
    recountClock(calendar, next);
    return next;
  }
  const fresh: Clock = { ...startClock(calendar, clock.startedAt, duration), extensions: next.extensions };
  for (const reason of next.pausedBy) pauseClock(calendar, fresh, reason, at);
  return fresh;
}

const UNIT_MS: Partial<Record<Duration['unit'], number>> = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 };
