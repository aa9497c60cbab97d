import type { CaseState, LocalizedText, Transition } from '@onewindow/domain';
import type { Audience, NotificationFacts, NotificationKind, PlannedNotification } from './notification.types';

/** The request a batch of transitions belongs to, as the planner needs it. */
export interface PlanningRequest {
  requestId: string;
  title: string;
  applicantId: string;
  coApplicants: string[];
}

const FINAL = new Set(['approved', 'refused', 'lapsed', 'withdrawn', 'revoked']);

/**
 * Who hears what of newly recorded transitions (pure, so it runs inside the recording transaction):
 * the applicant and every co-applicant when their action is needed, on each decision and on each
 * deemed outcome; the holder of a breached step and the supervisors over its department. One
 * decision notice per action: a final decision's step and case transitions make one message.
 */
export function planNotifications(
  request: PlanningRequest,
  state: CaseState,
  transitions: Transition[],
): PlannedNotification[] {
  const applicants: Audience[] = [request.applicantId, ...request.coApplicants].map((userId) => ({ userId }));
  const planned: PlannedNotification[] = [];
  const decidedAt = new Set<string>();
  const plan = (kind: NotificationKind, t: Transition, audience: Audience[], extra: Partial<NotificationFacts> = {}) =>
    planned.push({
      cause: `${request.requestId}:${t.seq}:${kind}`,
      kind,
      audience,
      requestId: request.requestId,
      seq: t.seq,
      facts: { ...factsOf(request, state, t), ...extra },
    });

  // Case-level decisions first, so a step decision of the same action does not send a second notice.
  for (const t of transitions) {
    // A revoked permit is a document's status, not the case's decision (told below).
    if (t.stepId === null && t.fromState !== t.toState && FINAL.has(t.toState) && !isDocumentChange(t)) {
      if (decidedAt.has(t.at)) continue;
      decidedAt.add(t.at);
      plan(isDeemed(t) ? 'deemed' : 'decision', t, applicants);
    }
  }
  for (const t of transitions) {
    if (waitsOnApplicant(state, t)) plan('action-needed', t, applicants);
    else if (t.stepId !== null && isDeemed(t) && !decidedAt.has(t.at)) {
      decidedAt.add(t.at);
      plan('deemed', t, applicants);
    } else if (t.stepId !== null && t.event === 'decided' && t.actor.role !== 'applicant' && !decidedAt.has(t.at)) {
      decidedAt.add(t.at);
      plan('decision', t, applicants);
    } else if (t.stepId !== null && t.event === 'timer.escalated') {
      const step = state.activeSteps.find((a) => a.stepId === t.stepId);
      const department = step?.owner.department ?? null;
      const holder: Audience[] = step?.assignee
        ? [{ userId: step.assignee }]
        : department
          ? [{ clerksOf: department }]
          : [];
      plan('breach', t, [...holder, { supervisorsOf: department }], { dueAt: stringOr(t.data?.dueAt) });
    } else if (t.event === 'timer.case-overdue') {
      plan('breach', t, [{ supervisorsOf: null }]);
    } else if (t.event === 'definition.migrated') {
      const earliest = state.activeSteps
        .map((a) => a.dueAt)
        .filter((d): d is string => d !== undefined)
        .sort()[0];
      plan('migrated', t, applicants, { outcome: t.reason ?? null, dueAt: earliest ?? null });
    } else if (t.event === 'document.issued' && typeof t.data?.number === 'string') {
      const { kind, number, verificationCode } = t.data as { kind: string; number: string; verificationCode: string };
      plan('document-issued', t, applicants, { document: { kind, number, verificationCode } });
    } else if (isDocumentChange(t)) {
      const { kind, reason } = t.data as { kind: string; reason: string };
      plan('document-changed', t, applicants, { documentChange: { kind, status: t.toState, reason } });
    }
  }
  return planned;
}

/** A transition that changed an issued document's status (its lifecycle, not the case's). */
function isDocumentChange(t: Transition): boolean {
  return DOCUMENT_CHANGES.has(t.event);
}

const DOCUMENT_CHANGES = new Set([
  'document.revoked',
  'document.suspended',
  'document.reinstated',
  'document.varied',
  'document.expired',
]);

/** A reminder for the holder of a step and the supervisors over it, once per due date. */
export function planReminder(
  request: Omit<PlanningRequest, 'applicantId' | 'coApplicants'>,
  step: { stepId: string; title: LocalizedText; department: string; assignee: string | null; dueAt: string },
  status: string,
): PlannedNotification {
  const holder: Audience = step.assignee ? { userId: step.assignee } : { clerksOf: step.department };
  return {
    cause: `${request.requestId}:${step.stepId}:due-soon:${step.dueAt}`,
    kind: 'due-soon',
    audience: [holder, { supervisorsOf: step.department }],
    requestId: request.requestId,
    seq: null,
    facts: {
      requestTitle: request.title,
      requestId: request.requestId,
      event: 'due-soon',
      stepId: step.stepId,
      stepTitle: step.title,
      outcome: null,
      status,
      dueAt: step.dueAt,
      items: [],
    },
  };
}

/** The applicant must act: information requested (the step's transition, not the case's echo), a notice, an extension to accept, its own step. */
function waitsOnApplicant(state: CaseState, t: Transition): boolean {
  if (t.event === 'information.requested') return t.stepId !== null;
  if (t.event === 'missing-documents.notified' || t.event === 'extension.proposed') return true;
  return t.event === 'activated' && t.stepId !== null && ownerOf(state, t.stepId)?.role === 'applicant';
}

function isDeemed(t: Transition): boolean {
  return t.event.startsWith('timer.deemed') || t.event === 'deemed-approved';
}

function ownerOf(state: CaseState, stepId: string) {
  return state.activeSteps.find((a) => a.stepId === stepId)?.owner;
}

function factsOf(request: PlanningRequest, state: CaseState, t: Transition): NotificationFacts {
  const active = t.stepId ? state.activeSteps.find((a) => a.stepId === t.stepId) : undefined;
  const rawItems = t.data?.items;
  const items = Array.isArray(rawItems)
    ? rawItems.map((i: { description?: LocalizedText; id?: unknown }) =>
        i?.description ? i.description : typeof i?.id === 'string' ? i.id : '',
      )
    : [];
  return {
    requestTitle: request.title,
    requestId: request.requestId,
    event: t.event,
    stepId: t.stepId,
    stepTitle: active?.title ?? null,
    outcome: t.outcome ?? (t.stepId === null ? t.toState : null),
    status: state.status,
    // What the applicant must answer by comes before the (stopped) step's own deadline.
    dueAt: stringOr(t.data?.answerBy) ?? active?.dueAt ?? stringOr(t.data?.deadlineAt),
    items,
  };
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
