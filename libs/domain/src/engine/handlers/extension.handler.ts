import { Refusal } from '../../domain-error';
import { applicantRefusal, roleRefusal } from '../authorization';
import type {
  AcceptExtensionEvent,
  ApproveExtensionEvent,
  DeclineExtensionEvent,
  ProposeExtensionEvent,
} from '../case-event.types';
import type { Extension } from '../case-state.types';
import type { Duration } from '../../definition/process-definition.types';
import type { Clock } from '../clock.types';
import { extendClock } from '../clock';
import type { CaseView, Reduction } from '../reduction';

/** The clock an extension applies to: a step's own (or its review group's), or the case's; or why there is none. */
function targetClock(v: CaseView, stepId: string | null): Clock | Refusal {
  if (stepId === null) return v.state.caseClock ?? new Refusal('CONFLICT', 'the case has no statutory clock running');
  const active = v.findActive(stepId);
  if (!active) return v.notActive(stepId);
  return active.clock ?? v.groupOf(active)?.clock ?? new Refusal('CONFLICT', `step '${stepId}' has no clock to extend`);
}

export function checkProposeExtension(v: CaseView, event: ProposeExtensionEvent): Refusal | undefined {
  const def = v.ctx.definition;
  const basis = event.basis ?? 'agreement';
  const allowed =
    basis === 'agreement'
      ? def.extensionByAgreement === true || def.extensions?.byAgreement === true
      : def.extensions?.byAuthority === true;
  if (!allowed) {
    return new Refusal(
      'NOT_ALLOWED',
      basis === 'agreement'
        ? `definition '${def.key}' does not allow extensions of time`
        : `definition '${def.key}' does not allow extensions by the authority's own decision`,
    );
  }
  const role = roleRefusal(v, ['clerk', 'supervisor'], 'proposing an extension');
  if (role) return role;
  const stepId = event.stepId ?? null;
  const clock = targetClock(v, stepId);
  if (clock instanceof Refusal) return clock;
  if (event.by.unit !== clock.duration.unit) {
    return new Refusal('INVALID_EVENT', `the extension must be in ${clock.duration.unit}, the clock's unit`);
  }
  const pending = v.state.extensions.find((x) => x.stepId === stepId && x.status === 'proposed');
  if (pending) {
    const waitsOn = pending.basis === 'authority' ? "a supervisor's approval" : "the applicant's answer";
    return new Refusal('CONFLICT', `extension '${pending.id}' awaits ${waitsOn}`);
  }
  return limitsRefusal(v, stepId, event);
}

export function proposeExtension(r: Reduction, event: ProposeExtensionEvent): void {
  const basis = event.basis ?? 'agreement';
  const stepId = event.stepId ?? null;
  const s = r.state;
  const extension: Extension = {
    id: `ext-${s.extensions.length + 1}`,
    stepId,
    by: { ...event.by },
    reason: event.reason,
    proposedBy: r.actor,
    proposedAt: r.at,
    ...(basis === 'authority' ? { basis } : {}),
    ...(event.ground !== undefined ? { ground: event.ground } : {}),
    status: 'proposed',
  };
  s.extensions.push(extension);
  r.emit({
    stepId,
    event: 'extension.proposed',
    ...stateOf(r, stepId),
    reason: event.reason,
    data: {
      extensionId: extension.id,
      by: event.by,
      ...(basis === 'authority' ? { basis } : {}),
      ...(event.ground !== undefined ? { ground: event.ground } : {}),
    },
  });
}

/**
 * The definition's limits on a clock's extensions: the ground's own, when the definition declares grounds, then
 * the limits over every ground together. Definitions without grounds take no ground and keep the latter only.
 */
function limitsRefusal(v: CaseView, stepId: string | null, event: ProposeExtensionEvent): Refusal | undefined {
  const limits = v.ctx.definition.extensions;
  const grounds = limits?.grounds;
  if (!grounds) {
    if (event.ground === undefined) return overall();
    return new Refusal('INVALID_EVENT', `definition '${v.ctx.definition.key}' declares no extension grounds`);
  }
  const ground = grounds.find((g) => g.id === event.ground);
  if (!ground) {
    return new Refusal(
      'INVALID_EVENT',
      `an extension names its ground, one of ${grounds.map((g) => `'${g.id}'`).join(', ')}` +
        (event.ground === undefined ? '' : ` (not '${event.ground}')`),
      { grounds: grounds.map((g) => g.id) },
    );
  }
  const granted = v.state.extensions.filter((x) => x.stepId === stepId && x.status === 'accepted');
  return (
    limitRefusal(
      granted.filter((x) => x.ground === ground.id),
      ground,
      event,
      `on the ground '${ground.id}' of ${clockName(stepId)}`,
      ground.id,
    ) ?? overall()
  );

  function overall(): Refusal | undefined {
    if (!limits) return undefined;
    const all = v.state.extensions.filter((x) => x.stepId === stepId && x.status === 'accepted');
    return limitRefusal(all, limits, event, `of ${clockName(stepId)}`);
  }
}

function clockName(stepId: string | null): string {
  return stepId === null ? "the case's statutory clock" : `step '${stepId}'`;
}

/** Whether one more extension would pass a limit on the number or the total of those `granted` already. */
function limitRefusal(
  granted: Extension[],
  limit: { maxCount?: number; maxTotal?: Duration },
  event: ProposeExtensionEvent,
  of: string,
  ground?: string,
): Refusal | undefined {
  const on = ground === undefined ? {} : { ground };
  if (limit.maxCount !== undefined && granted.length + 1 > limit.maxCount) {
    return new Refusal(
      'NOT_ALLOWED',
      `the limit of ${limit.maxCount} extension(s) ${of} is reached (${granted.length} granted)`,
      { limit: 'maxCount', ...on, maxCount: limit.maxCount, granted: granted.length },
    );
  }
  const max = limit.maxTotal;
  if (max !== undefined && max.unit === event.by.unit) {
    const total = granted.reduce((sum, x) => sum + x.by.value, 0) + event.by.value;
    if (total > max.value) {
      return new Refusal(
        'NOT_ALLOWED',
        `the limit of ${max.value} ${max.unit} of extensions ${of} would be exceeded (${total - event.by.value} granted, ${event.by.value} asked)`,
        { limit: 'maxTotal', ...on, maxTotal: max, granted: total - event.by.value },
      );
    }
  }
  return undefined;
}

/** A supervisor approves the authority's own extension: it takes effect and the applicant is told why. */
export function checkApproveExtension(v: CaseView, event: ApproveExtensionEvent): Refusal | undefined {
  const role = roleRefusal(v, ['supervisor'], "approving the authority's extension");
  if (role) return role;
  const extension = pendingExtension(v, event.extensionId);
  if (extension instanceof Refusal) return extension;
  if (extension.basis !== 'authority') {
    return new Refusal('NOT_ALLOWED', `extension '${extension.id}' needs the applicant's agreement, not approval`);
  }
  if (extension.proposedBy.id === v.actor.id) {
    return new Refusal('NOT_ALLOWED', 'an extension is approved by a supervisor other than the one who proposed it');
  }
  return grantRefusal(v, extension);
}

export function approveExtension(r: Reduction, event: ApproveExtensionEvent): void {
  const extension = extensionOf(r, event.extensionId);
  grant(r, extension, 'extension.granted', { notify: 'applicant', reason: extension.reason });
}

function pendingExtension(v: CaseView, extensionId: string): Extension | Refusal {
  const extension = v.state.extensions.find((x) => x.id === extensionId);
  if (!extension) return new Refusal('INVALID_EVENT', `extension '${extensionId}' does not exist`);
  if (extension.status !== 'proposed') {
    return new Refusal('CONFLICT', `extension '${extensionId}' was already ${extension.status}`);
  }
  return extension;
}

/** The extension an accepted event names, in the draft; its check made sure it exists. */
function extensionOf(r: Reduction, extensionId: string): Extension {
  return unlessRefused(pendingExtension(r, extensionId));
}

export function checkAcceptExtension(v: CaseView, event: AcceptExtensionEvent): Refusal | undefined {
  const role = applicantRefusal(v, 'agreeing to an extension');
  if (role) return role;
  const extension = pendingExtension(v, event.extensionId);
  if (extension instanceof Refusal) return extension;
  if (extension.basis === 'authority') {
    return new Refusal('NOT_ALLOWED', `extension '${extension.id}' is the authority's own and awaits a supervisor`);
  }
  return grantRefusal(v, extension);
}

export function acceptExtension(r: Reduction, event: AcceptExtensionEvent): void {
  grant(r, extensionOf(r, event.extensionId), 'extension.accepted');
}

/** An extension is granted only while the clock it extends still runs (its step may have closed meanwhile). */
function grantRefusal(v: CaseView, extension: Extension): Refusal | undefined {
  const clock = targetClock(v, extension.stepId);
  return clock instanceof Refusal ? clock : undefined;
}

function grant(r: Reduction, extension: Extension, name: string, extra: Record<string, unknown> = {}): void {
  const clock = unlessRefused(targetClock(r, extension.stepId));
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

export function checkDeclineExtension(v: CaseView, event: DeclineExtensionEvent): Refusal | undefined {
  const extension = pendingExtension(v, event.extensionId);
  if (extension instanceof Refusal) return extension;
  if (extension.basis === 'authority') return roleRefusal(v, ['supervisor'], "declining the authority's extension");
  return applicantRefusal(v, 'declining an extension');
}

export function declineExtension(r: Reduction, event: DeclineExtensionEvent): void {
  const extension = extensionOf(r, event.extensionId);
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

/** What a check already looked up, read again in the draft: a refusal here means the check and the change disagree. */
function unlessRefused<T>(found: T | Refusal): T {
  if (found instanceof Refusal) throw found.toError();
  return found;
}
