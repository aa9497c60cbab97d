import { Refusal } from '../../domain-error';
import { roleRefusal, workRefusal } from '../authorization';
import type { ClaimEvent, ReassignEvent, ReleaseEvent } from '../case-event.types';
import type { CaseView, Reduction } from '../reduction';

export function checkClaim(v: CaseView, event: ClaimEvent): Refusal | undefined {
  const role = roleRefusal(v, ['clerk', 'supervisor'], 'claiming a step');
  if (role) return role;
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (active.kind === 'parallel') return new Refusal('NOT_ALLOWED', `claim a member review of '${event.stepId}'`);
  if (active.assignee) {
    return new Refusal('CONFLICT', `step '${event.stepId}' is already claimed by '${active.assignee}'`);
  }
  return workRefusal(v, active);
}

export function claim(r: Reduction, event: ClaimEvent): void {
  const active = r.activeStep(event.stepId);
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

export function checkRelease(v: CaseView, event: ReleaseEvent): Refusal | undefined {
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (!active.assignee) return new Refusal('CONFLICT', `step '${event.stepId}' is not claimed`);
  // The holder gives it back, or a supervisor takes it off someone who left.
  if (v.actor.role !== 'supervisor' && active.assignee !== v.actor.id) {
    return new Refusal('NOT_ALLOWED', `only a supervisor or the current holder may release '${event.stepId}'`);
  }
  return workRefusal(v, { ...active, assignee: v.actor.role === 'supervisor' ? undefined : active.assignee });
}

export function release(r: Reduction, event: ReleaseEvent): void {
  const active = r.activeStep(event.stepId);
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

export function checkReassign(v: CaseView, event: ReassignEvent): Refusal | undefined {
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (active.kind === 'parallel') return new Refusal('NOT_ALLOWED', `reassign a member review of '${event.stepId}'`);
  // A supervisor reassigns anyone's work; a clerk may hand on only a step they hold.
  if (v.actor.role !== 'supervisor') {
    const role = roleRefusal(v, ['clerk'], 'reassigning a step');
    if (role) return role;
    if (active.assignee !== v.actor.id) {
      return new Refusal('NOT_ALLOWED', `only a supervisor or the current holder may reassign '${event.stepId}'`);
    }
  }
  return workRefusal(v, active);
}

export function reassign(r: Reduction, event: ReassignEvent): void {
  const active = r.activeStep(event.stepId);
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
