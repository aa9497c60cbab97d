import { SYSTEM_ACTOR } from '../../actor';
import { Refusal } from '../../domain-error';
import { parseInstant, showInstant } from '../../calendar/working-calendar';
import { applicantRefusal, roleRefusal } from '../authorization';
import type {
  AppealEvent,
  GiveNoticeEvent,
  PauseClockEvent,
  PledgeEvent,
  ResumeClockEvent,
  WithdrawEvent,
} from '../case-event.types';
import { dueFrom, isPaused, startClock } from '../clock';
import type { ActiveStep } from '../case-state.types';
import type { CaseView, Reduction } from '../reduction';
import { activateStep, changeStatus, completeStep, reachStatus } from '../routing';
import { deemedApproval } from './timer.handler';

export function checkWithdraw(v: CaseView): Refusal | undefined {
  const role = applicantRefusal(v, 'withdrawing');
  if (role) return role;
  const status = v.state.status;
  if (status !== 'in_progress' && status !== 'awaiting_applicant' && status !== 'under_appeal') {
    return new Refusal('NOT_ALLOWED', `the case was already decided (${status}) and can no longer be withdrawn`);
  }
  return undefined;
}

export function withdraw(r: Reduction, event: WithdrawEvent): void {
  r.cause = 'withdrawn';
  reachStatus(r, 'withdrawn', [], { stepId: null, ...(event.reason !== undefined ? { reason: event.reason } : {}) });
}

export function checkAppeal(v: CaseView, event: AppealEvent): Refusal | undefined {
  const policy = v.ctx.definition.appeal;
  if (!policy) return new Refusal('NOT_ALLOWED', `definition '${v.ctx.definition.key}' provides no appeal`);
  const role = applicantRefusal(v, 'appealing');
  if (role) return role;
  const s = v.state;
  if (s.status !== 'refused') return new Refusal('NOT_ALLOWED', `only a refusal can be appealed (case is ${s.status})`);
  if (s.appeal) return new Refusal('NOT_ALLOWED', 'the refusal was already appealed');
  if (!event.grounds.trim()) return new Refusal('INVALID_EVENT', 'an appeal must state its grounds');
  const closesAt = s.appealDeadline ?? dueFrom(v.calendar, s.decision?.at ?? s.updatedAt, policy.window).dueAt;
  if (s.appealDeadline === undefined || parseInstant(v.at) >= parseInstant(closesAt)) {
    return new Refusal('NOT_ALLOWED', `the appeal window closed at ${closesAt}`, { closedAt: closesAt });
  }
  return undefined;
}

export function appeal(r: Reduction, event: AppealEvent): void {
  const s = r.state;
  s.appeal = { grounds: event.grounds, by: r.actor, at: r.at };
  delete s.appealDeadline;
  r.cause = 'appealed';
  changeStatus(r, 'under_appeal', { reason: event.grounds });
  // checkAppeal refused a definition without an appeal.
  activateStep(r, r.ctx.definition.appeal!.step);
}

export function checkPledge(v: CaseView, event: PledgeEvent): Refusal | undefined {
  const role = applicantRefusal(v, 'signing a pledge');
  if (role) return role;
  if (v.state.pledge) return new Refusal('CONFLICT', 'a pledge is already on file');
  if (!event.statement.trim()) return new Refusal('INVALID_EVENT', 'a pledge must have a statement');
  return undefined;
}

export function pledge(r: Reduction, event: PledgeEvent): void {
  const s = r.state;
  s.pledge = { statement: event.statement, items: [...(event.items ?? [])], by: r.actor, at: r.at };
  r.emit({
    stepId: null,
    event: 'pledge.signed',
    fromState: s.status,
    toState: s.status,
    data: { statement: event.statement, items: s.pledge.items },
  });
}

export function checkGiveNotice(v: CaseView, event: GiveNoticeEvent): Refusal | undefined {
  const role = applicantRefusal(v, 'giving notice of a deemed approval');
  if (role) return role;
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (!deemedApproval(v, active)) return new Refusal('NOT_ALLOWED', `step '${event.stepId}' cannot be deemed approved`);
  if (active.noticeGivenAt !== undefined) {
    return new Refusal('CONFLICT', `notice was already given on '${event.stepId}'`);
  }
  return noticeBeforeExpiry(v, active);
}

/** Where the law deems approval only on a notice after the period, a notice before its end is refused. */
function noticeBeforeExpiry(v: CaseView, active: ActiveStep): Refusal | undefined {
  if (deemedApproval(v, active)?.noticeAfterExpiry !== true) return undefined;
  const clock = active.clock;
  if (!clock) return undefined;
  if (isPaused(clock)) {
    return new Refusal(
      'NOT_ALLOWED',
      `notice on '${active.stepId}' may follow only the end of its period, now stopped`,
    );
  }
  if (parseInstant(v.at) >= parseInstant(clock.dueAt)) return undefined;
  return new Refusal(
    'NOT_ALLOWED',
    `notice on '${active.stepId}' may be given only after its period ends at ${showInstant(clock.dueAt, v.calendar)}` +
      ': the approval is deemed from a notice given after expiry',
    { periodEndsAt: clock.dueAt },
  );
}

export function giveNotice(r: Reduction, event: GiveNoticeEvent): void {
  const active = r.activeStep(event.stepId);
  // checkGiveNotice refused a step that cannot be deemed approved.
  const policy = deemedApproval(r, active)!;
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
  // Notice after the deadline has passed: the approval is deemed at once, as of the notice where the law says so.
  if (active.escalated || policy.noticeAfterExpiry === true) {
    completeStep(r, active, policy.outcome, {
      event: 'deemed-approved',
      actor: SYSTEM_ACTOR,
      deemed: true,
      ...(policy.effectiveFrom === 'receipt' ? { effectiveAt: r.state.submittedAt } : {}),
    });
  }
}

export function checkPauseCaseClock(v: CaseView, event: PauseClockEvent): Refusal | undefined {
  const role = roleRefusal(v, ['supervisor'], 'stopping the clock');
  if (role) return role;
  const s = v.state;
  if (!s.caseClock) return new Refusal('CONFLICT', 'the case has no statutory clock running');
  if (s.manualPause) return new Refusal('CONFLICT', `the clock is already stopped (${s.manualPause.reason})`);
  if (!event.reason.trim()) return new Refusal('INVALID_EVENT', 'stopping the clock needs a reason');
  return undefined;
}

export function pauseCaseClock(r: Reduction, event: PauseClockEvent): void {
  const s = r.state;
  s.manualPause = { reason: event.reason, at: r.at };
  r.emit({ stepId: null, event: 'clock.stop-requested', fromState: s.status, toState: s.status, reason: event.reason });
  r.pauseCaseClock('manual');
}

export function checkResumeCaseClock(v: CaseView): Refusal | undefined {
  const role = roleRefusal(v, ['supervisor'], 'restarting the clock');
  if (role) return role;
  if (!v.state.manualPause) return new Refusal('CONFLICT', 'the clock was not stopped by a supervisor');
  return undefined;
}

export function resumeCaseClock(r: Reduction, _event: ResumeClockEvent): void {
  const s = r.state;
  delete s.manualPause;
  r.emit({ stepId: null, event: 'clock.restart-requested', fromState: s.status, toState: s.status });
  r.resumeCaseClock('manual');
}
