import { DomainError } from '../../domain-error';
import { assertCanWork, assertRole } from '../authorization';
import type { ClaimEvent, ReassignEvent, ReleaseEvent } from '../case-event.types';
import type { Reduction } from '../reduction';

export function claim(r: Reduction, event: ClaimEvent): void {
  assertRole(r, ['clerk', 'supervisor'], 'claiming a step');
  const active = r.activeStep(event.stepId);
  if (active.kind === 'parallel') throw new DomainError('NOT_ALLOWED', `claim a member review of '${event.stepId}'`);
  if (active.assignee) {
    throw new DomainError('CONFLICT', `step '${event.stepId}' is already claimed by '${active.assignee}'`);
  }
  assertCanWork(r, active);
  active.assignee = r.actor.id;
  if (r.actor.name !== undefined) active.assigneeName = r.actor.name;
  r.emit({
    stepId: event.stepId,
    event: 'claimed',
    fromState: active.state,
    toState: active.state,
    data: { assignee: active.assignee },
  });
}

export function release(r: Reduction, event: ReleaseEvent): void {
  const active = r.activeStep(event.stepId);
  if (!active.assignee) throw new DomainError('CONFLICT', `step '${event.stepId}' is not claimed`);
  // The holder gives it back, or a supervisor takes it off someone who left.
  if (r.actor.role !== 'supervisor' && active.assignee !== r.actor.id) {
    throw new DomainError('NOT_ALLOWED', `only a supervisor or the current holder may release '${event.stepId}'`);
  }
  assertCanWork(r, { ...active, assignee: r.actor.role === 'supervisor' ? undefined : active.assignee });
  const previous = active.assignee;
  delete active.assignee;
  delete active.assigneeName;
  r.emit({
    stepId: event.stepId,
    event: 'released',
    fromState: active.state,
    toState: active.state,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    data: { from: previous },
  });
}

export function reassign(r: Reduction, event: ReassignEvent): void {
  const active = r.activeStep(event.stepId);
  if (active.kind === 'parallel') throw new DomainError('NOT_ALLOWED', `reassign a member review of '${event.stepId}'`);
  // A supervisor reassigns anyone's work; a clerk may hand on only a step they hold.
  if (r.actor.role !== 'supervisor') {
    assertRole(r, ['clerk'], 'reassigning a step');
    if (active.assignee !== r.actor.id) {
      throw new DomainError('NOT_ALLOWED', `only a supervisor or the current holder may reassign '${event.stepId}'`);
    }
  }
  assertCanWork(r, active);
  const previous = active.assignee;
  active.assignee = event.assignee.id;
  if (event.assignee.name !== undefined) active.assigneeName = event.assignee.name;
  else delete active.assigneeName;
  r.emit({
    stepId: event.stepId,
    event: 'reassigned',
    fromState: active.state,
    toState: active.state,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    data: { from: previous ?? null, to: active.assignee },
  });
}
