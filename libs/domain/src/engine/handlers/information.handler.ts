import { DomainError } from '../../domain-error';
import { assertApplicant, assertCanWork, assertRole } from '../authorization';
import type {
  AcceptWithMissingEvent,
  AnswerInformationEvent,
  DocumentVerifiedEvent,
  RequestInformationEvent,
} from '../case-event.types';
import type { ActiveStep, InformationItem } from '../case-state.types';
import { pauseClock, restartClock, resumeClock } from '../clock';
import type { Reduction } from '../reduction';
import { completeStep } from '../routing';
import { dueFrom } from '../clock';
import { missingDocumentItems } from './document.handler';

function assertItems(items: InformationItem[]): void {
  const ids = items.map((i) => i.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new DomainError('INVALID_EVENT', `item '${duplicate}' is listed twice`);
}

export function requestInformation(r: Reduction, event: RequestInformationEvent): void {
  const s = r.state;
  const active = r.activeStep(event.stepId);
  const policy = r.definitionOf(event.stepId).step.informationRequests;
  if (!policy) throw new DomainError('NOT_ALLOWED', `step '${event.stepId}' does not take requests for information`);
  assertCanWork(r, active);
  const open = s.informationRequests.find((q) => q.stepId === event.stepId && q.status === 'open');
  if (open) throw new DomainError('CONFLICT', `step '${event.stepId}' already waits on request '${open.id}'`);
  assertItems(event.items);
  const first = s.informationRequests.find((q) => q.stepId === event.stepId);
  if (policy.exhaustive && first) {
    const known = new Set(first.items.map((i) => i.id));
    const added = event.items.filter((i) => !known.has(i.id)).map((i) => i.id);
    if (added.length > 0) {
      throw new DomainError(
        'NOT_ALLOWED',
        `step '${event.stepId}' takes one exhaustive list: item(s) ${added.map((a) => `'${a}'`).join(', ')} ` +
          `were not in the first request '${first.id}'`,
        { added },
      );
    }
  }
  const id = `rfi-${s.informationRequests.length + 1}`;
  s.informationRequests.push({
    id,
    stepId: event.stepId,
    items: event.items.map((i) => ({ id: i.id, description: i.description })),
    requestedAt: r.at,
    requestedBy: r.actor,
    status: 'open',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
  });
  const reason = `rfi:${id}`;
  if (active.clock) pauseClock(r.calendar, active.clock, reason, r.at);
  const group = r.groupOf(active);
  if (group?.clock) pauseClock(r.calendar, group.clock, reason, r.at);
  active.state = 'awaiting_applicant';
  r.cause = 'information.requested';
  r.emit({
    stepId: event.stepId,
    event: 'information.requested',
    fromState: 'active',
    toState: 'awaiting_applicant',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    data: { requestId: id, items: event.items, clock: policy.clock },
  });
  if (r.ctx.definition.caseClock?.pauseOnApplicant) r.pauseCaseClock(reason);
}

export function answerInformation(r: Reduction, event: AnswerInformationEvent): void {
  assertApplicant(r, 'answering a request for information');
  const s = r.state;
  const active: ActiveStep = r.activeStep(event.stepId);
  const rfi = s.informationRequests.find((q) => q.stepId === event.stepId && q.status === 'open');
  if (!rfi) throw new DomainError('CONFLICT', `step '${event.stepId}' has no open request for information`);
  const known = rfi.items.map((i) => i.id);
  const provided = event.itemIds ?? known;
  const unknown = provided.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new DomainError('INVALID_EVENT', `request '${rfi.id}' has no item(s) ${unknown.join(', ')}`, { unknown });
  }
  rfi.status = 'answered';
  rfi.answeredAt = r.at;
  rfi.providedItemIds = [...provided];
  const policy = r.definitionOf(event.stepId).step.informationRequests;
  const reason = `rfi:${rfi.id}`;
  const restart = policy?.clock === 'restart';
  if (active.clock) {
    if (restart) restartClock(r.calendar, active.clock, r.at);
    else resumeClock(r.calendar, active.clock, reason, r.at);
  }
  if (restart) active.escalated = false;
  const group = r.groupOf(active);
  if (group?.clock) resumeClock(r.calendar, group.clock, reason, r.at);
  active.state = 'active';
  r.cause = 'information.provided';
  r.emit({
    stepId: event.stepId,
    event: 'information.provided',
    fromState: 'awaiting_applicant',
    toState: 'active',
    ...(event.note !== undefined ? { reason: event.note } : {}),
    data: {
      requestId: rfi.id,
      itemIds: provided,
      missing: known.filter((id) => !provided.includes(id)),
      clock: restart ? 'restarted' : 'resumed',
      dueAt: active.clock?.dueAt,
    },
  });
  r.resumeCaseClock(reason);
}

export function acceptWithMissing(r: Reduction, event: AcceptWithMissingEvent): void {
  const s = r.state;
  const active = r.activeStep(event.stepId);
  const step = r.definitionOf(event.stepId).step;
  const policy = 'missingDocuments' in step ? step.missingDocuments : undefined;
  if (!policy) throw new DomainError('NOT_ALLOWED', `step '${event.stepId}' cannot accept with missing documents`);
  assertCanWork(r, active);
  if (s.missingDocuments) {
    throw new DomainError('NOT_ALLOWED', 'a missing-documents notice was already given: one notice per case');
  }
  // Without a list, the notice names the step's required documents not on file.
  const items = event.items ?? missingDocumentItems(r, event.stepId);
  if (items.length === 0) throw new DomainError('INVALID_EVENT', 'the notice must list at least one item');
  assertItems(items);
  const due = dueFrom(r.calendar, r.at, policy.deadline);
  s.missingDocuments = {
    stepId: event.stepId,
    items: items.map((i) => ({ id: i.id, description: i.description })),
    outstanding: items.map((i) => i.id),
    noticeAt: r.at,
    deadlineAt: due.dueAt,
    ...(due.dueDate !== undefined ? { deadlineDate: due.dueDate } : {}),
    status: 'open',
  };
  r.emit({
    stepId: null,
    event: 'missing-documents.notified',
    fromState: s.status,
    toState: s.status,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    data: { items, deadlineAt: due.dueAt, deadlineDate: due.dueDate },
  });
  completeStep(r, active, policy.outcome, { event: 'accepted-with-missing', data: { missing: items } });
}

export function verifyDocument(r: Reduction, event: DocumentVerifiedEvent): void {
  assertRole(r, ['system', 'clerk', 'supervisor'], 'verifying a document');
  const s = r.state;
  const notice = s.missingDocuments;
  if (!notice || notice.status !== 'open') throw new DomainError('CONFLICT', 'no missing-documents notice is open');
  if (!notice.outstanding.includes(event.itemId)) {
    throw new DomainError('INVALID_EVENT', `item '${event.itemId}' is not outstanding on the missing-documents notice`);
  }
  notice.outstanding = notice.outstanding.filter((id) => id !== event.itemId);
  r.emit({
    stepId: null,
    event: 'document.verified',
    fromState: s.status,
    toState: s.status,
    data: { itemId: event.itemId, ...(event.documentId !== undefined ? { documentId: event.documentId } : {}) },
  });
  if (notice.outstanding.length === 0) {
    notice.status = 'fulfilled';
    r.emit({ stepId: null, event: 'missing-documents.fulfilled', fromState: s.status, toState: s.status });
  }
}
