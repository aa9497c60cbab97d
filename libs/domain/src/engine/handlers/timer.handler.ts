import { SYSTEM_ACTOR } from '../../actor';
import { DomainError } from '../../domain-error';
import { parseInstant } from '../../calendar/working-calendar';
import type { TimeoutPolicy } from '../../definition/process-definition.types';
import { assertRole } from '../authorization';
import type { ActiveStep } from '../case-state.types';
import type { TimerEvent } from '../case-event.types';
import type { Reduction } from '../reduction';
import { completeStep, escalate, reachStatus } from '../routing';

export function fireTimer(r: Reduction, event: TimerEvent): void {
  assertRole(r, ['system'], 'a timer');
  const timer = r.state.timers.find((t) => t.id === event.timerId);
  if (!timer) throw new DomainError('UNKNOWN_TIMER', `timer '${event.timerId}' is not pending`);
  if (parseInstant(event.at) < parseInstant(timer.dueAt)) {
    throw new DomainError('TIMER_NOT_DUE', `timer '${timer.id}' is due at ${timer.dueAt}, not ${event.at}`);
  }
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
    case 'missing-documents': {
      const notice = r.state.missingDocuments;
      if (notice) notice.status = 'lapsed';
      r.cause = 'timer.lapsed';
      reachStatus(r, 'lapsed', [], { stepId: null, outcome: 'missing-documents' });
      return;
    }
  }
}

export function timeoutPolicy(r: Reduction, active: ActiveStep): TimeoutPolicy {
  const policy = r.definitionOf(active.stepId).step.onTimeout;
  if (policy) return policy;
  return active.kind === 'period' ? { action: 'complete', outcome: 'elapsed' } : { action: 'escalate' };
}

function stepDue(r: Reduction, active: ActiveStep): void {
  const policy = timeoutPolicy(r, active);
  switch (policy.action) {
    case 'escalate':
      return escalate(r, active);
    case 'deemed':
      if (policy.effect === 'approved' && policy.requiresNotice && active.noticeGivenAt === undefined) {
        // The law grants a deemed approval only after the applicant's notice; until then a supervisor acts.
        return escalate(r, active, { deemedApprovalWithheld: 'no notice given' });
      }
      return completeStep(r, active, policy.outcome, {
        event: policy.effect === 'approved' ? 'timer.deemed-approved' : 'timer.deemed-complete',
        actor: SYSTEM_ACTOR,
        deemed: true,
      });
    case 'complete':
      return completeStep(r, active, policy.outcome, { event: 'timer.elapsed', actor: SYSTEM_ACTOR });
    case 'lapse':
      r.cause = 'timer.lapsed';
      return reachStatus(r, 'lapsed', [], { stepId: active.stepId, outcome: 'lapsed' });
  }
}
