import { parseInstant } from '../calendar/working-calendar';
import type { ClockThreshold } from '../definition/process-definition.types';
import type { CaseState, CaseStatus, PendingTimer } from './case-state.types';
import { OPEN_STATUSES } from './case-state.types';
import { isPaused, thresholdDue } from './clock';
import type { ProcessContext } from './process-context.types';
import type { Reduction } from './reduction';
import { changeStatus } from './routing';
import { liveLicences } from './handlers/issued-document.handler';

/** The timers the workflow must sleep on, derived from the state so they can never drift from it. */
export function deriveTimers(
  ctx: ProcessContext,
  state: CaseState,
  thresholds: { threshold: ClockThreshold; dueAt: string }[] = [],
): PendingTimer[] {
  const timers: PendingTimer[] = [];
  const open = OPEN_STATUSES.includes(state.status);
  for (const a of state.activeSteps) {
    if (a.noticeClock && !isPaused(a.noticeClock)) {
      timers.push({
        id: `notice:${a.stepId}:${a.activation}`,
        kind: 'notice',
        stepId: a.stepId,
        dueAt: a.noticeClock.dueAt,
      });
    }
    if (!a.clock || isPaused(a.clock) || a.escalated) continue;
    timers.push({
      id: `step-due:${a.stepId}:${a.activation}`,
      kind: 'step-due',
      stepId: a.stepId,
      dueAt: a.clock.dueAt,
    });
  }
  for (const { threshold, dueAt } of thresholds) {
    timers.push({ id: `threshold:${threshold.name}`, kind: 'threshold', name: threshold.name, dueAt });
  }
  const clock = state.caseClock;
  if (open && state.status !== 'under_appeal' && clock && !isPaused(clock) && !state.caseOverdue) {
    timers.push({ id: 'case-due', kind: 'case-due', dueAt: clock.dueAt });
  }
  if (state.status === 'refused' && state.appealDeadline !== undefined && !state.appeal) {
    timers.push({ id: 'appeal-window', kind: 'appeal-window', dueAt: state.appealDeadline });
  }
  const notice = state.missingDocuments;
  if (notice?.status === 'open' && (open || state.status === 'approved')) {
    timers.push({ id: 'missing-documents', kind: 'missing-documents', dueAt: notice.deadlineAt });
  }
  for (const document of liveLicences(ctx, state)) {
    if (document.validUntil === undefined) continue;
    const id = `document-expiry:${document.documentId}`;
    timers.push({ id, kind: 'document-expiry', documentId: document.documentId, dueAt: document.validUntil });
  }
  return timers.sort((a, b) => parseInstant(a.dueAt) - parseInstant(b.dueAt) || (a.id < b.id ? -1 : 1));
}

/** The earliest pending timer: the workflow sleeps until its `dueAt` and then feeds a timer event. */
export function nextTimer(state: CaseState): PendingTimer | undefined {
  return state.timers[0];
}

function awaitsApplicant(state: CaseState): boolean {
  if (state.informationRequests.some((q) => q.status === 'open')) return true;
  const working = state.activeSteps.filter((a) => a.kind !== 'parallel');
  return working.length > 0 && working.every((a) => a.owner.role === 'applicant');
}

export function isClosed(state: CaseState): boolean {
  switch (state.status) {
    case 'in_progress':
    case 'awaiting_applicant':
    case 'under_appeal':
      return false;
    case 'approved':
      return state.activeSteps.length === 0 && state.missingDocuments?.status !== 'open';
    case 'refused':
    case 'withdrawn':
    case 'lapsed':
    case 'revoked':
      return true;
  }
}

/** Derived fields after every event: status while open, due dates on steps, timers, closure. */
export function finalize(r: Reduction): void {
  const s = r.state;
  if (s.status === 'in_progress' || s.status === 'awaiting_applicant') {
    const wanted: CaseStatus = awaitsApplicant(s) ? 'awaiting_applicant' : 'in_progress';
    changeStatus(r, wanted);
  }
  for (const a of s.activeSteps) {
    const clock = a.clock ?? r.groupOf(a)?.clock;
    const due = clock && !isPaused(clock) ? clock : undefined;
    if (due) {
      a.dueAt = due.dueAt;
      if (due.dueDate !== undefined) a.dueDate = due.dueDate;
      else delete a.dueDate;
    } else {
      delete a.dueAt;
      delete a.dueDate;
    }
    if (due?.provisional) a.dueProvisional = true;
    else delete a.dueProvisional;
  }
  s.timers = deriveTimers(r.ctx, s, pendingThresholds(r));
  s.closed = isClosed(s);
  s.updatedAt = r.at;
}

/** Thresholds of the case clock not yet reached, while the case is open and the clock runs. */
function pendingThresholds(r: Reduction): { threshold: ClockThreshold; dueAt: string }[] {
  const s = r.state;
  const clock = s.caseClock;
  const thresholds = r.ctx.definition.caseClock?.thresholds ?? [];
  if (!clock || isPaused(clock) || thresholds.length === 0) return [];
  if (s.status !== 'in_progress' && s.status !== 'awaiting_applicant') return [];
  return thresholds
    .filter((t) => !(clock.thresholdsReached ?? []).includes(t.name))
    .map((threshold) => ({ threshold, dueAt: thresholdDue(r.calendar, clock, threshold.after).dueAt }));
}
