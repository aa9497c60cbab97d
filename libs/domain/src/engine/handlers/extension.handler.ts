import { DomainError } from '../../domain-error';
import { assertApplicant, assertRole } from '../authorization';
import type {
  AcceptExtensionEvent,
  ApproveExtensionEvent,
  DeclineExtensionEvent,
  ProposeExtensionEvent,
} from '../case-event.types';
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
  const def = r.ctx.definition;
  const basis = event.basis ?? 'agreement';
  const allowed =
    basis === 'agreement'
      ? def.extensionByAgreement === true || def.extensions?.byAgreement === true
      : def.extensions?.byAuthority === true;
  if (!allowed) {
    throw new DomainError(
      'NOT_ALLOWED',
      basis === 'agreement'
        ? `definition '${def.key}' does not allow extensions of time`
        : `definition '${def.key}' does not allow extensions by the authority's own decision`,
    );
  }
  assertRole(r, ['clerk', 'supervisor'], 'proposing an extension');
  const stepId = event.stepId ?? null;
  const clock = targetClock(r, stepId);
  if (event.by.unit !== clock.duration.unit) {
    throw new DomainError('INVALID_EVENT', `the extension must be in ${clock.duration.unit}, the clock's unit`);
  }
  const s = r.state;
  const pending = s.extensions.find((x) => x.stepId === stepId && x.status === 'proposed');
  if (pending) {
    const waitsOn = pending.basis === 'authority' ? "a supervisor's approval" : "the applicant's answer";
    throw new DomainError('CONFLICT', `extension '${pending.id}' awaits ${waitsOn}`);
  }
  assertWithinLimits(r, stepId, event);
  const extension: Extension = {
    id: `ext-${s.extensions.length + 1}`,
    stepId,
    by: { ...event.by },
    reason: event.reason,
    proposedBy: r.actor,
    proposedAt: r.at,
    ...(basis === 'authority' ? { basis } : {}),
    status: 'proposed',
  };
  s.extensions.push(extension);
  r.emit({
    stepId,
    event: 'extension.proposed',
    ...stateOf(r, stepId),
    reason: event.reason,
    data: { extensionId: extension.id, by: event.by, ...(basis === 'authority' ? { basis } : {}) },
  });
}

/** The definition's limits on the number and the total length of a clock's extensions. */
function assertWithinLimits(r: Reduction, stepId: string | null, event: ProposeExtensionEvent): void {
  const limits = r.ctx.definition.extensions;
  if (!limits) return;
  const granted = r.state.extensions.filter((x) => x.stepId === stepId && x.status === 'accepted');
  const clockName = stepId === null ? "the case's statutory clock" : `step '${stepId}'`;
  if (limits.maxCount !== undefined && granted.length + 1 > limits.maxCount) {
    throw new DomainError(
      'NOT_ALLOWED',
      `the limit of ${limits.maxCount} extension(s) of ${clockName} is reached (${granted.length} granted)`,
      { limit: 'maxCount', maxCount: limits.maxCount, granted: granted.length },
    );
  }
  const max = limits.maxTotal;
  if (max !== undefined && max.unit === event.by.unit) {
    const total = granted.reduce((sum, x) => sum + x.by.value, 0) + event.by.value;
    if (total > max.value) {
      throw new DomainError(
        'NOT_ALLOWED',
        `the limit of ${max.value} ${max.unit} of extensions of ${clockName} would be exceeded (${total - event.by.value} granted, ${event.by.value} asked)`,
        { limit: 'maxTotal', maxTotal: max, granted: total - event.by.value },
      );
    }
  }
}

/** A supervisor approves the authority's own extension: it takes effect and the applicant is told why. */
export function approveExtension(r: Reduction, event: ApproveExtensionEvent): void {
  assertRole(r, ['supervisor'], "approving the authority's extension");
  const extension = pendingExtension(r, event.extensionId);
  if (extension.basis !== 'authority') {
    throw new DomainError('NOT_ALLOWED', `extension '${extension.id}' needs the applicant's agreement, not approval`);
  }
  if (extension.proposedBy.id === r.actor.id) {
    throw new DomainError('NOT_ALLOWED', 'an extension is approved by a supervisor other than the one who proposed it');
  }
  grant(r, extension, 'extension.granted', { notify: 'applicant', reason: extension.reason });
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
  if (extension.basis === 'authority') {
    throw new DomainError('NOT_ALLOWED', `extension '${extension.id}' is the authority's own and awaits a supervisor`);
  }
  grant(r, extension, 'extension.accepted');
}

function grant(r: Reduction, extension: Extension, name: string, extra: Record<string, unknown> = {}): void {
  const clock = targetClock(r, extension.stepId);
  extendClock(r.calendar, clock, extension.by);
  extension.status = 'accepted';
  extension.decidedAt = r.at;
  if (extension.basis === 'authority') extension.decidedBy = r.actor;
  // A new agreed due date lifts an escalation for the breach it cures.
  if (extension.stepId === null) r.state.caseOverdue = false;
  else {
    const active = r.activeStep(extension.stepId);
    for (const a of [active, ...r.state.activeSteps.filter((m) => m.groupId === active.stepId)]) a.escalated = false;
  }
  r.emit({
    stepId: extension.stepId,
    event: name,
    ...stateOf(r, extension.stepId),
    data: { extensionId: extension.id, by: extension.by, dueAt: clock.dueAt, ...extra },
  });
}

export function declineExtension(r: Reduction, event: DeclineExtensionEvent): void {
  const extension = pendingExtension(r, event.extensionId);
  if (extension.basis === 'authority') assertRole(r, ['supervisor'], "declining the authority's extension");
  else assertApplicant(r, 'declining an extension');
  extension.status = 'declined';
  extension.decidedAt = r.at;
  if (extension.basis === 'authority') extension.decidedBy = r.actor;
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
