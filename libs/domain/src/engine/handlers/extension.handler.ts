import { DomainError } from '../../domain-error';
import { assertApplicant, assertRole } from '../authorization';
import type { AcceptExtensionEvent, DeclineExtensionEvent, ProposeExtensionEvent } from '../case-event.types';
import type { Extension } from '../case-state.types';
import type { Clock } from '../clock.types';
import { extendClock } from '../clock';
import type { Reduction } from '../reduction';

/** The clock an extension applies to: a step's own (or its review group's), or the case's. */
function targetClock(r: Reduction, stepId: string | null): Clock {
  if (stepId === null) {
    if (!r.state.caseClock) throw new DomainError('CONFLICT', 'the case has no statutory clock running');
    return r.state.caseClock;
  }
  const active = r.activeStep(stepId);
  const clock = active.clock ?? r.groupOf(active)?.clock;
  if (!clock) throw new DomainError('CONFLICT', `step '${stepId}' has no clock to extend`);
  return clock;
}

export function proposeExtension(r: Reduction, event: ProposeExtensionEvent): void {
  if (!r.ctx.definition.extensionByAgreement) {
    throw new DomainError('NOT_ALLOWED', `definition '${r.ctx.definition.key}' does not allow extensions of time`);
  }
  assertRole(r, ['clerk', 'supervisor'], 'proposing an extension');
  const stepId = event.stepId ?? null;
  const clock = targetClock(r, stepId);
  if (event.by.unit !== clock.duration.unit) {
    throw new DomainError('INVALID_EVENT', `the extension must be in ${clock.duration.unit}, the clock's unit`);
  }
  const s = r.state;
  const pending = s.extensions.find((x) => x.stepId === stepId && x.status === 'proposed');
  if (pending) throw new DomainError('CONFLICT', `extension '${pending.id}' awaits the applicant's answer`);
  const extension: Extension = {
    id: `ext-${s.extensions.length + 1}`,
    stepId,
    by: { ...event.by },
    reason: event.reason,
    proposedBy: r.actor,
    proposedAt: r.at,
    status: 'proposed',
  };
  s.extensions.push(extension);
  r.emit({
    stepId,
    event: 'extension.proposed',
    ...stateOf(r, stepId),
    reason: event.reason,
    data: { extensionId: extension.id, by: event.by },
  });
}

function pendingExtension(r: Reduction, extensionId: string): Extension {
  const extension = r.state.extensions.find((x) => x.id === extensionId);
  if (!extension) throw new DomainError('INVALID_EVENT', `extension '${extensionId}' does not exist`);
  if (extension.status !== 'proposed') {
    throw new DomainError('CONFLICT', `extension '${extensionId}' was already ${extension.status}`);
  }
  return extension;
}

export function acceptExtension(r: Reduction, event: AcceptExtensionEvent): void {
  assertApplicant(r, 'agreeing to an extension');
  const extension = pendingExtension(r, event.extensionId);
  const clock = targetClock(r, extension.stepId);
  extendClock(r.calendar, clock, extension.by);
  extension.status = 'accepted';
  extension.decidedAt = r.at;
  // A new agreed due date lifts an escalation for the breach it cures.
  if (extension.stepId === null) r.state.caseOverdue = false;
  else {
    const active = r.activeStep(extension.stepId);
    for (const a of [active, ...r.state.activeSteps.filter((m) => m.groupId === active.stepId)]) a.escalated = false;
  }
  r.emit({
    stepId: extension.stepId,
    event: 'extension.accepted',
    ...stateOf(r, extension.stepId),
    data: { extensionId: extension.id, by: extension.by, dueAt: clock.dueAt },
  });
}

export function declineExtension(r: Reduction, event: DeclineExtensionEvent): void {
  assertApplicant(r, 'declining an extension');
  const extension = pendingExtension(r, event.extensionId);
  extension.status = 'declined';
  extension.decidedAt = r.at;
  r.emit({
    stepId: extension.stepId,
    event: 'extension.declined',
    ...stateOf(r, extension.stepId),
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    data: { extensionId: extension.id },
  });
}

function stateOf(r: Reduction, stepId: string | null): { fromState: string; toState: string } {
  const state = stepId === null ? r.state.status : (r.state.activeSteps.find((a) => a.stepId === stepId)?.state ?? '');
  return { fromState: state, toState: state };
}
