import type { LocalizedText } from '../text/localized-text';
import type { ActorRole } from '../actor';
import { parseInstant } from '../calendar/working-calendar';
import type { CaseState, CaseStatus, Extension, InformationRequest, MissingDocumentsNotice } from './case-state.types';
import { clockStatus, type ClockStatus } from './clock';
import type { ProcessContext } from './process-context.types';

export interface StepStatusView {
  stepId: string;
  title: LocalizedText;
  department: string;
  role: ActorRole;
  assignee: string | null;
  state: string;
  groupId: string | null;
  dueAt: string | null;
  dueDate: string | null;
  /** The due date counts past the calendar's coverage and may still move. */
  dueProvisional: boolean;
  /** The step's own clock, or its review group's; null for steps without a time limit. */
  clock: ClockStatus | null;
  escalated: boolean;
}

/** What an applicant's status page shows: who holds the case, until when, and what the clocks say. */
export interface CaseStatusView {
  requestId: string;
  status: CaseStatus;
  closed: boolean;
  asOf: string;
  steps: StepStatusView[];
  caseClock: ClockStatus | null;
  caseOverdue: boolean;
  openRequests: InformationRequest[];
  missingDocuments: MissingDocumentsNotice | null;
  pendingExtensions: Extension[];
  appealDeadline: string | null;
}

/** A read-only view of the case at `at` (days remaining, overdue flags), for status pages and queues. */
export function statusView(ctx: ProcessContext, state: CaseState, at: string): CaseStatusView {
  parseInstant(at);
  const calendar = state.calendar ?? ctx.calendar;
  const steps = state.activeSteps.map((a): StepStatusView => {
    const clock = a.clock ?? state.activeSteps.find((g) => g.stepId === a.groupId)?.clock;
    return {
      stepId: a.stepId,
      title: a.title,
      department: a.owner.department,
      role: a.owner.role,
      assignee: a.assignee ?? null,
      state: a.state,
      groupId: a.groupId ?? null,
      dueAt: a.dueAt ?? null,
      dueDate: a.dueDate ?? null,
      dueProvisional: a.dueProvisional === true,
      clock: clock ? clockStatus(calendar, clock, at) : null,
      escalated: a.escalated,
    };
  });
  return {
    requestId: state.requestId,
    status: state.status,
    closed: state.closed,
    asOf: at,
    steps,
    caseClock: state.caseClock ? clockStatus(calendar, state.caseClock, at) : null,
    caseOverdue: state.caseOverdue,
    openRequests: state.informationRequests.filter((q) => q.status === 'open'),
    missingDocuments: state.missingDocuments?.status === 'open' ? state.missingDocuments : null,
    pendingExtensions: state.extensions.filter((x) => x.status === 'proposed'),
    appealDeadline: state.appealDeadline ?? null,
  };
}
