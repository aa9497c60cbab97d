import { SYSTEM_ACTOR } from '../../actor';
import { Refusal } from '../../domain-error';
import { parseInstant } from '../../calendar/working-calendar';
import { findStep } from '../../definition/definition-index';
import type { TimeoutPolicy } from '../../definition/process-definition.types';
import { roleRefusal } from '../authorization';
import type { ActiveStep } from '../case-state.types';
import type { TimerEvent } from '../case-event.types';
import type { CaseView, Reduction } from '../reduction';
import { completeStep, escalate, reachStatus } from '../routing';
import { checkDocumentExpiry, expireDocument } from './issued-document.handler';

export function checkTimer(v: CaseView, event: TimerEvent): Refusal | undefined {
  const role = roleRefusal(v, ['system'], 'a timer');
  if (role) return role;
  const timer = v.state.timers.find((t) => t.id === event.timerId);
  if (!timer) return new Refusal('UNKNOWN_TIMER', `timer '${event.timerId}' is not pending`);
  if (parseInstant(event.at) < parseInstant(timer.dueAt)) {
    return new Refusal('TIMER_NOT_DUE', `timer '${timer.id}' is due at ${timer.dueAt}, not ${event.at}`);
  }
  switch (timer.kind) {
    case 'step-due':
    case 'notice': {
      const active = v.findActive(timer.stepId ?? '');
      if (!active) return v.notActive(timer.stepId ?? '');
      if (timer.kind === 'notice' && !active.noticeClock) {
        return new Refusal('UNKNOWN_TIMER', `no notice period runs on '${active.stepId}'`);
      }
      return undefined;
    }
    case 'threshold': {
      const name = timer.name ?? '';
      if (!caseThreshold(v, name) || !v.state.caseClock) {
        return new Refusal('UNKNOWN_TIMER', `no threshold '${name}' on the case clock`);
      }
      return undefined;
    }
    case 'document-expiry':
      return checkDocumentExpiry(v, timer.documentId ?? '');
    case 'case-due':
    case 'appeal-window':
    case 'missing-documents':
      return undefined;
  }
}

export function fireTimer(r: Reduction, event: TimerEvent): void {
  // checkTimer made sure the timer is pending and due.
  const timer = r.state.timers.find((t) => t.id === event.timerId)!;
  switch (timer.kind) {
    case 'step-due':
      return stepDue(r, r.activeStep(timer.stepId ?? ''));
    case 'case-due':
      r.state.caseOverdue = true;
      r.emit({
        stepId: null,
        event: 'timer.case-overdue',
        fromState: r.state.status,
        toState: r.state.status,
        data: { dueAt: timer.dueAt, escalatedTo: 'supervisor' },
      });
      return;
    case 'appeal-window':
      delete r.state.appealDeadline;
      r.emit({ stepId: null, event: 'timer.appeal-window-closed', fromState: r.state.status, toState: r.state.status });
      return;
    case 'notice':
      return noticeEnded(r, r.activeStep(timer.stepId ?? ''));
    case 'threshold':
      return thresholdReached(r, timer.name ?? '');
    case 'document-expiry':
      return expireDocument(r, timer.documentId ?? '');
    case 'missing-documents': {
      const notice = r.state.missingDocuments;
      if (notice) notice.status = 'lapsed';
      r.cause = 'timer.lapsed';
      reachStatus(r, 'lapsed', [], { stepId: null, outcome: 'missing-documents' });
      return;
    }
  }
}

export function timeoutPolicy(v: CaseView, active: ActiveStep): TimeoutPolicy {
  const policy = findStep(v.ctx.definition, active.stepId)?.step.onTimeout;
  if (policy) return policy;
  return active.kind === 'period' ? { action: 'complete', outcome: 'elapsed' } : { action: 'escalate' };
}

/** The step's timeout policy when it deems the step approved (the applicant may then give notice). */
export function deemedApproval(
  v: CaseView,
  active: ActiveStep,
): Extract<TimeoutPolicy, { action: 'deemed' }> | undefined {
  const policy = timeoutPolicy(v, active);
  return policy.action === 'deemed' && policy.effect === 'approved' ? policy : undefined;
}

function caseThreshold(v: CaseView, name: string) {
  return v.ctx.definition.caseClock?.thresholds?.find((t) => t.name === name);
}

function stepDue(r: Reduction, active: ActiveStep): void {
  const policy = timeoutPolicy(r, active);
  switch (policy.action) {
    case 'escalate':
      return escalate(r, active);
    case 'deemed':
      if (policy.effect === 'approved' && policy.requiresNotice && active.noticeGivenAt === undefined) {
        // The law grants a deemed approval only after the applicant's notice; until then a supervisor acts.
        const withheld = policy.noticeAfterExpiry ? 'notice may be given from now on' : 'no notice given';
        return escalate(r, active, { deemedApprovalWithheld: withheld });
      }
      if (policy.effect === 'approved' && active.noticeClock && noticeRunning(r, active)) {
        // Notice was given but its period still runs: the authority may still decide until it ends.
        return escalate(r, active, {
          deemedApprovalWithheld: 'notice period running',
          noticeEndsAt: active.noticeClock.dueAt,
        });
      }
      return completeStep(r, active, policy.outcome, {
        event: policy.effect === 'approved' ? 'timer.deemed-approved' : 'timer.deemed-complete',
        actor: SYSTEM_ACTOR,
        deemed: true,
        ...(policy.effectiveFrom === 'receipt' ? { effectiveAt: r.state.submittedAt } : {}),
      });
    case 'complete':
      return completeStep(r, active, policy.outcome, { event: 'timer.elapsed', actor: SYSTEM_ACTOR });
    case 'lapse':
      r.cause = 'timer.lapsed';
      return reachStatus(r, 'lapsed', [], { stepId: active.stepId, outcome: 'lapsed' });
  }
}

function noticeRunning(r: Reduction, active: ActiveStep): boolean {
  return active.noticeClock !== undefined && parseInstant(r.at) < parseInstant(active.noticeClock.dueAt);
}

/**
 * The notice period ended without a decision. The approval is deemed now if the step's own deadline has passed
 * too (it escalated); otherwise it is deemed when that deadline comes.
 */
function noticeEnded(r: Reduction, active: ActiveStep): void {
  const policy = timeoutPolicy(r, active);
  // checkTimer refused a notice timer of a step with no notice period running.
  const clock = active.noticeClock!;
  delete active.noticeClock;
  r.emit({
    stepId: active.stepId,
    event: 'timer.notice-period-ended',
    fromState: active.state,
    toState: active.state,
    data: { noticeGivenAt: active.noticeGivenAt, endedAt: clock.dueAt },
  });
  const ownDeadlinePassed =
    active.escalated || (active.clock !== undefined && parseInstant(r.at) >= parseInstant(active.clock.dueAt));
  if (policy.action !== 'deemed' || !ownDeadlinePassed) return;
  completeStep(r, active, policy.outcome, {
    event: 'timer.deemed-approved',
    actor: SYSTEM_ACTOR,
    deemed: true,
    ...(policy.effectiveFrom === 'receipt' ? { effectiveAt: r.state.submittedAt } : {}),
  });
}

function thresholdReached(r: Reduction, name: string): void {
  const s = r.state;
  // checkTimer refused a threshold the case clock does not have.
  const threshold = caseThreshold(r, name)!;
  const clock = s.caseClock!;
  clock.thresholdsReached = [...(clock.thresholdsReached ?? []), name];
  s.flags = [...(s.flags ?? []), { name, consequence: threshold.consequence, at: r.at }];
  const to =
    threshold.consequence === 'escalate'
      ? { escalatedTo: 'supervisor' }
      : threshold.consequence === 'notify'
        ? { notify: 'applicant' }
        : {};
  r.emit({
    stepId: null,
    event: 'timer.threshold-reached',
    fromState: s.status,
    toState: s.status,
    data: { name, consequence: threshold.consequence, after: threshold.after, dueAt: clock.dueAt, ...to },
  });
}
