import { SYSTEM_ACTOR } from '../../actor';
import { DomainError } from '../../domain-error';
import { parseInstant } from '../../calendar/working-calendar';
import { assertApplicant, assertRole } from '../authorization';
import type {
  AppealEvent,
  GiveNoticeEvent,
  PauseClockEvent,
  PledgeEvent,
  ResumeClockEvent,
  WithdrawEvent,
} from '../case-event.types';
import { dueFrom, startClock } from '../clock';
import type { Reduction } from '../reduction';
import { activateStep, changeStatus, completeStep, reachStatus } from '../routing';
import { timeoutPolicy } from './timer.handler';

export function withdraw(r: Reduction, event: WithdrawEvent): void {
  assertApplicant(r, 'withdrawing');
  const status = r.state.status;
  if (status !== 'in_progress' && status !== 'awaiting_applicant' && status !== 'under_appeal') {
    throw new DomainError('NOT_ALLOWED', `the case was already decided (${status}) and can no longer be withdrawn`);
  }
  r.cause = 'withdrawn';
  reachStatus(r, 'withdrawn', [], { stepId: null, ...(event.reason !== undefined ? { reason: event.reason } : {}) });
}

export function appeal(r: Reduction, event: AppealEvent): void {
  const policy = r.ctx.definition.appeal;
  if (!policy) throw new DomainError('NOT_ALLOWED', `definition '${r.ctx.definition.key}' provides no appeal`);
  assertApplicant(r, 'appealing');
  const s = r.state;
  if (s.status !== 'refused')
    throw new DomainError('NOT_ALLOWED', `only a refusal can be appealed (case is ${s.status})`);
  if (s.appeal) throw new DomainError('NOT_ALLOWED', 'the refusal was already appealed');
  if (!event.grounds.trim()) throw new DomainError('INVALID_EVENT', 'an appeal must state its grounds');
  const closesAt = s.appealDeadline ?? dueFrom(r.calendar, s.decision?.at ?? s.updatedAt, policy.window).dueAt;
  if (s.appealDeadline === undefined || parseInstant(r.at) >= parseInstant(closesAt)) {
    throw new DomainError('NOT_ALLOWED', `the appeal window closed at ${closesAt}`, { closedAt: closesAt });
  }
  s.appeal = { grounds: event.grounds, by: r.actor, at: r.at };
  delete s.appealDeadline;
  r.cause = 'appealed';
  changeStatus(r, 'under_appeal', { reason: event.grounds });
  activateStep(r, policy.step);
}

export function pledge(r: Reduction, event: PledgeEvent): void {
  assertApplicant(r, 'signing a pledge');
  const s = r.state;
  if (s.pledge) throw new DomainError('CONFLICT', 'a pledge is already on file');
  if (!event.statement.trim()) throw new DomainError('INVALID_EVENT', 'a pledge must have a statement');
  s.pledge = { statement: event.statement, items: [...(event.items ?? [])], by: r.actor, at: r.at };
  r.emit({
    stepId: null,
    event: 'pledge.signed',
    fromState: s.status,
    toState: s.status,
    data: { statement: event.statement, items: s.pledge.items },
  });
}

export function giveNotice(r: Reduction, event: GiveNoticeEvent): void {
  assertApplicant(r, 'giving notice of a deemed approval');
  const active = r.activeStep(event.stepId);
  const policy = timeoutPolicy(r, active);
  if (policy.action !== 'deemed' || policy.effect !== 'approved') {
    throw new DomainError('NOT_ALLOWED', `step '${event.stepId}' cannot be deemed approved`);
  }
  if (active.noticeGivenAt !== undefined)
    throw new DomainError('CONFLICT', `notice was already given on '${event.stepId}'`);
  active.noticeGivenAt = r.at;
  if (policy.noticePeriod) {
    // The notice starts its own clock; the authority may still decide until it ends.
    active.noticeClock = startClock(r.calendar, r.at, policy.noticePeriod);
    r.emit({
      stepId: event.stepId,
      event: 'notice.given',
      fromState: active.state,
      toState: active.state,
      data: {
        noticePeriod: policy.noticePeriod,
        endsAt: active.noticeClock.dueAt,
        ...(active.noticeClock.provisional ? { provisional: true } : {}),
      },
    });
    return;
  }
  r.emit({ stepId: event.stepId, event: 'notice.given', fromState: active.state, toState: active.state });
  // Notice after the deadline has passed: the approval is deemed at once.
  if (active.escalated) {
    completeStep(r, active, policy.outcome, {
      event: 'deemed-approved',
      actor: SYSTEM_ACTOR,
      deemed: true,
      ...(policy.effectiveFrom === 'receipt' ? { effectiveAt: r.state.submittedAt } : {}),
    });
  }
}

export function pauseCaseClock(r: Reduction, event: PauseClockEvent): void {
  assertRole(r, ['supervisor'], 'stopping the clock');
  const s = r.state;
  if (!s.caseClock) throw new DomainError('CONFLICT', 'the case has no statutory clock running');
  if (s.manualPause) throw new DomainError('CONFLICT', `the clock is already stopped (${s.manualPause.reason})`);
  if (!event.reason.trim()) throw new DomainError('INVALID_EVENT', 'stopping the clock needs a reason');
  s.manualPause = { reason: event.reason, at: r.at };
  r.emit({ stepId: null, event: 'clock.stop-requested', fromState: s.status, toState: s.status, reason: event.reason });
  r.pauseCaseClock('manual');
}

export function resumeCaseClock(r: Reduction, _event: ResumeClockEvent): void {
  assertRole(r, ['supervisor'], 'restarting the clock');
  const s = r.state;
  if (!s.manualPause) throw new DomainError('CONFLICT', 'the clock was not stopped by a supervisor');
  delete s.manualPause;
  r.emit({ stepId: null, event: 'clock.restart-requested', fromState: s.status, toState: s.status });
  r.resumeCaseClock('manual');
}
