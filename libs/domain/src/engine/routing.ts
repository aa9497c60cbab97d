import type { Actor } from '../actor';
import { DomainError } from '../domain-error';
import { evaluateCondition } from '../definition/condition';
import { outcomesOf } from '../definition/definition-index';
import type {
  Duration,
  DurationRule,
  MemberStep,
  NextTarget,
  ParallelStep,
  RoutedStatus,
  StepDefinition,
} from '../definition/process-definition.types';
import { conditionOf, type RecordedCondition } from '../documents/issued-document.types';
import type { ActiveStep, CaseStatus } from './case-state.types';
import { dueFrom, resumeClock, startClock } from './clock';
import { inviteConsultees } from './consulting';
import { issueDeclaredDocuments } from './issuing';
import { publishAtDeclaredPoint } from './publishing';
import type { Reduction } from './reduction';

// Skipped steps route onwards within one event; a definition that loops through them would never end.
const MAX_ROUTING_DEPTH = 200;

interface Origin {
  stepId: string | null;
  outcome?: string;
  deemed?: boolean;
  reason?: string;
}

export function resolveDuration(
  r: Reduction,
  policy: { duration?: Duration; durationRules?: DurationRule[] },
): Duration | undefined {
  const rule = policy.durationRules?.find((candidate) => evaluateCondition(candidate.when, r.state.attributes));
  return rule?.duration ?? policy.duration;
}

export function activateTarget(r: Reduction, target: NextTarget, origin: Origin, depth = 0): void {
  if (depth > MAX_ROUTING_DEPTH) throw new DomainError('INVALID_DEFINITION', 'routing loops through skipped steps');
  if (typeof target === 'string') activateStep(r, target, depth);
  else if (Array.isArray(target)) for (const id of target) activateStep(r, id, depth);
  else if ('status' in target) reachStatus(r, target.status, target.then ?? [], origin, depth);
  // { end: true }: this branch of a fork is done; the others carry the case on.
}

function nextActivation(r: Reduction, stepId: string): number {
  const n = (r.state.activations[stepId] ?? 0) + 1;
  r.state.activations[stepId] = n;
  return n;
}

function skip(r: Reduction, step: StepDefinition | MemberStep, groupId?: string): void {
  const activation = nextActivation(r, step.id);
  r.state.history.push({ stepId: step.id, activation, result: 'skipped', at: r.at, by: r.actor, groupId });
  r.emit({ stepId: step.id, event: 'skipped', fromState: 'pending', toState: 'skipped', data: { when: step.when } });
}

function newActive(r: Reduction, step: StepDefinition | MemberStep, groupId?: string): ActiveStep {
  const active: ActiveStep = {
    stepId: step.id,
    title: step.title,
    kind: step.kind ?? 'task',
    owner: { ...step.owner },
    state: 'active',
    outcomes: outcomesOf(r.ctx.definition, step.id),
    activation: nextActivation(r, step.id),
    activatedAt: r.at,
    escalated: false,
  };
  if (groupId !== undefined) active.groupId = groupId;
  const duration = resolveDuration(r, step);
  if (duration) active.clock = startClock(r.calendar, r.clockStart, duration);
  r.state.activeSteps.push(active);
  r.emit({
    stepId: step.id,
    event: 'activated',
    fromState: 'pending',
    toState: 'active',
    data: { activation: active.activation, owner: active.owner, dueAt: active.clock?.dueAt },
  });
  if (groupId === undefined) inviteConsultees(r, step as StepDefinition, duration);
  if (step.clock === 'excluded') r.pauseCaseClock(`excluded:${step.id}`);
  return active;
}

export function activateStep(r: Reduction, stepId: string, depth = 0): void {
  const entry = r.definitionOf(stepId);
  if (entry.kind === 'member') throw new DomainError('INVALID_DEFINITION', `'${stepId}' is a member review`);
  const step = entry.step;
  if (step.when && !evaluateCondition(step.when, r.state.attributes)) {
    skip(r, step);
    const onSkip = step.next.skipped;
    if (onSkip === undefined) throw new DomainError('INVALID_DEFINITION', `step '${stepId}' has no next.skipped`);
    activateTarget(r, onSkip, { stepId, outcome: 'skipped' }, depth + 1);
    return;
  }
  // A fork whose branches meet again activates the shared step once.
  if (r.state.activeSteps.some((a) => a.stepId === stepId)) return;
  const active = newActive(r, step);
  if (step.kind === 'parallel') activateMembers(r, step, active, depth);
}

function activateMembers(r: Reduction, group: ParallelStep, active: ActiveStep, depth: number): void {
  active.pendingMembers = [];
  active.votes = {};
  for (const member of group.members) {
    if (member.when && !evaluateCondition(member.when, r.state.attributes)) {
      skip(r, member, group.id);
      continue;
    }
    newActive(r, member, group.id);
    active.pendingMembers.push(member.id);
  }
  resolveGroup(r, active, depth);
}

export interface Completion {
  event: string;
  actor?: Actor;
  deemed?: boolean;
  /** The outcome takes effect as of this earlier instant: clocks it starts count from there (back-dating). */
  effectiveAt?: string;
  reason?: string;
  conditions?: RecordedCondition[];
  informatives?: string[];
  refusalReasons?: string[];
  data?: Record<string, unknown>;
}

/** Completes an active step with an outcome and routes the case onwards. */
export function completeStep(r: Reduction, active: ActiveStep, outcome: string, how: Completion, depth = 0): void {
  const s = r.state;
  leave(r, active);
  const by = how.actor ?? r.actor;
  s.history.push({
    stepId: active.stepId,
    activation: active.activation,
    result: 'completed',
    outcome,
    at: r.at,
    by,
    ...(how.deemed ? { deemed: true } : {}),
    ...(how.reason !== undefined ? { reason: how.reason } : {}),
    ...(how.conditions?.length ? { conditions: how.conditions } : {}),
    ...(how.informatives ? { informatives: how.informatives } : {}),
    ...(how.refusalReasons ? { refusalReasons: how.refusalReasons } : {}),
    ...(active.groupId !== undefined ? { groupId: active.groupId } : {}),
  });
  r.emit({
    stepId: active.stepId,
    event: how.event,
    fromState: active.state,
    toState: 'completed',
    actor: by,
    outcome,
    ...(how.reason !== undefined ? { reason: how.reason } : {}),
    ...(how.conditions?.length ? { conditions: how.conditions } : {}),
    ...(how.data || how.deemed || how.effectiveAt || how.informatives || how.refusalReasons
      ? {
          data: {
            ...how.data,
            ...(how.informatives ? { informatives: how.informatives } : {}),
            ...(how.refusalReasons ? { refusalReasons: how.refusalReasons } : {}),
            ...(how.deemed ? { deemed: true } : {}),
            ...(how.effectiveAt !== undefined ? { effectiveFrom: how.effectiveAt } : {}),
          },
        }
      : {}),
  });
  if (how.effectiveAt !== undefined) r.clockFrom = how.effectiveAt;
  for (const condition of how.conditions ?? []) {
    s.conditions.push({ ...conditionOf(condition), stepId: active.stepId, at: r.at });
  }
  issueDeclaredDocuments(r, active.stepId, outcome, by);
  publishAtDeclaredPoint(r, active.stepId, outcome);
  if (s.appeal && r.ctx.definition.appeal?.step === active.stepId) s.appeal.outcome = outcome;
  startCaseClockAfter(r, active.stepId);

  const group = r.groupOf(active);
  if (group) {
    group.votes = { ...group.votes, [active.stepId]: outcome };
    group.pendingMembers = (group.pendingMembers ?? []).filter((id) => id !== active.stepId);
    resolveGroup(r, group, depth);
    return;
  }
  const entry = r.definitionOf(active.stepId);
  if (entry.kind === 'member') return;
  const target = entry.step.next[outcome];
  if (target === undefined)
    throw new DomainError('ILLEGAL_OUTCOME', `step '${active.stepId}' has no route for '${outcome}'`);
  r.cause = how.event;
  activateTarget(r, target, { stepId: active.stepId, outcome, deemed: how.deemed }, depth + 1);
}

/** Removes an active step and releases every clock pause it held. */
function leave(r: Reduction, active: ActiveStep): void {
  const s = r.state;
  s.activeSteps = s.activeSteps.filter((a) => a !== active);
  const entry = r.definitionOf(active.stepId);
  if (entry.step.clock === 'excluded') r.resumeCaseClock(`excluded:${active.stepId}`);
  for (const rfi of s.informationRequests) {
    if (rfi.stepId !== active.stepId || rfi.status !== 'open') continue;
    rfi.status = 'closed';
    const group = r.groupOf(active);
    if (group?.clock) resumeClock(r.calendar, group.clock, `rfi:${rfi.id}`, r.at);
    r.resumeCaseClock(`rfi:${rfi.id}`);
  }
}

export function cancelStep(r: Reduction, active: ActiveStep, reason: string): void {
  const s = r.state;
  for (const member of s.activeSteps.filter((a) => a.groupId === active.stepId)) cancelStep(r, member, reason);
  leave(r, active);
  s.history.push({
    stepId: active.stepId,
    activation: active.activation,
    result: 'cancelled',
    at: r.at,
    by: r.actor,
    reason,
    ...(active.groupId !== undefined ? { groupId: active.groupId } : {}),
  });
  r.emit({ stepId: active.stepId, event: 'cancelled', fromState: active.state, toState: 'cancelled', reason });
}

/** Closes a review group once its mode is satisfied (or can no longer be). */
function resolveGroup(r: Reduction, group: ActiveStep, depth: number): void {
  const entry = r.definitionOf(group.stepId);
  if (entry.kind !== 'top' || entry.step.kind !== 'parallel') return;
  const def = entry.step;
  const votes = Object.values(group.votes ?? {});
  const pending = group.pendingMembers?.length ?? 0;
  const passes = votes.filter((v) => v === def.passOutcome).length;
  const decisive = () => def.memberOutcomes.find((o) => votes.includes(o)) ?? def.passOutcome;
  let outcome: string | undefined;
  switch (def.mode) {
    case 'all':
      if (pending === 0) outcome = decisive();
      break;
    case 'any':
      if (passes >= 1) outcome = def.passOutcome;
      else if (pending === 0) outcome = decisive();
      break;
    case 'quorum': {
      const needed = Math.min(def.quorum ?? 1, votes.length + pending);
      if (passes >= needed) outcome = def.passOutcome;
      else if (passes + pending < needed)
        outcome = def.memberOutcomes.find((o) => o !== def.passOutcome && votes.includes(o));
      break;
    }
  }
  if (outcome === undefined) return;
  for (const member of r.state.activeSteps.filter((a) => a.groupId === group.stepId)) {
    cancelStep(r, member, `review group closed (${def.mode})`);
  }
  completeStep(r, group, outcome, { event: 'review.closed', data: { mode: def.mode, votes: group.votes } }, depth);
}

export function changeStatus(r: Reduction, to: CaseStatus, extra: { outcome?: string; reason?: string } = {}): void {
  const from = r.state.status;
  if (from === to) return;
  r.state.status = to;
  r.emit({ stepId: null, event: r.cause, fromState: from, toState: to, ...extra });
}

/** The case reaches a status set by a definition route, a lapse or a withdrawal. */
export function reachStatus(
  r: Reduction,
  status: RoutedStatus | 'withdrawn',
  then: string[],
  origin: Origin,
  depth = 0,
) {
  const s = r.state;
  if (status !== 'approved') {
    for (const active of s.activeSteps.filter((a) => a.groupId === undefined)) cancelStep(r, active, `case ${status}`);
  }
  const changed = s.status !== status;
  changeStatus(r, status, {
    ...(origin.outcome !== undefined ? { outcome: origin.outcome } : {}),
    ...(origin.reason !== undefined ? { reason: origin.reason } : {}),
  });
  if (changed) {
    s.decision = { status, stepId: origin.stepId, at: r.at, ...(origin.outcome ? { outcome: origin.outcome } : {}) };
    if (origin.deemed) s.decision.deemed = true;
    const appeal = r.ctx.definition.appeal;
    if (status === 'refused' && appeal && !s.appeal) s.appealDeadline = dueFrom(r.calendar, r.at, appeal.window).dueAt;
  }
  for (const id of then) activateStep(r, id, depth + 1);
}

function startCaseClockAfter(r: Reduction, stepId: string): void {
  const policy = r.ctx.definition.caseClock;
  if (!policy || policy.startsAfter !== stepId || r.state.caseClock) return;
  startCaseClock(r);
}

/** Starts the statutory case clock, honouring whatever already stops it (excluded steps, open requests). */
export function startCaseClock(r: Reduction): void {
  const s = r.state;
  const policy = r.ctx.definition.caseClock;
  const duration = policy && resolveDuration(r, policy);
  if (!policy || !duration) return;
  s.caseClock = startClock(r.calendar, r.clockStart, duration);
  r.emit({
    stepId: null,
    event: 'clock.started',
    fromState: s.status,
    toState: s.status,
    data: {
      dueAt: s.caseClock.dueAt,
      duration,
      ...(r.clockFrom !== undefined ? { countsFrom: r.clockFrom } : {}),
      ...(s.caseClock.provisional ? { provisional: true } : {}),
    },
  });
  for (const a of s.activeSteps)
    if (r.definitionOf(a.stepId).step.clock === 'excluded') r.pauseCaseClock(`excluded:${a.stepId}`);
  if (policy.pauseOnApplicant) {
    for (const q of s.informationRequests) if (q.status === 'open') r.pauseCaseClock(`rfi:${q.id}`);
  }
  if (s.manualPause) r.pauseCaseClock('manual');
}

/** Flags a step (and a group's pending members) as escalated to a supervisor. */
export function escalate(r: Reduction, active: ActiveStep, data: Record<string, unknown> = {}): void {
  const members = r.state.activeSteps.filter((a) => a.groupId === active.stepId);
  for (const step of [active, ...members]) {
    step.escalated = true;
    step.escalatedAt = r.at;
  }
  r.emit({
    stepId: active.stepId,
    event: 'timer.escalated',
    fromState: active.state,
    toState: active.state,
    data: { escalatedTo: 'supervisor', department: active.owner.department, dueAt: active.clock?.dueAt, ...data },
  });
}
