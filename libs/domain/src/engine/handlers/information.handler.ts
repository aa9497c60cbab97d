import { Refusal } from '../../domain-error';
import { findStep } from '../../definition/definition-index';
import { applicantRefusal, roleRefusal, workRefusal } from '../authorization';
import type {
  AcceptWithMissingEvent,
  AnswerInformationEvent,
  DocumentVerifiedEvent,
  RequestInformationEvent,
} from '../case-event.types';
import type { ActiveStep, InformationItem } from '../case-state.types';
import { pauseClock, restartClock, resumeClock } from '../clock';
import type { CaseView, Reduction } from '../reduction';
import { completeStep } from '../routing';
import { dueFrom } from '../clock';
import { missingDocumentItems } from './document.handler';

function itemsRefusal(items: InformationItem[]): Refusal | undefined {
  const ids = items.map((i) => i.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) return new Refusal('INVALID_EVENT', `item '${duplicate}' is listed twice`);
  return undefined;
}

export function checkRequestInformation(v: CaseView, event: RequestInformationEvent): Refusal | undefined {
  const s = v.state;
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  const entry = findStep(v.ctx.definition, event.stepId);
  if (!entry) return v.notActive(event.stepId);
  const policy = entry.step.informationRequests;
  if (!policy) return new Refusal('NOT_ALLOWED', `step '${event.stepId}' does not take requests for information`);
  const work = workRefusal(v, active);
  if (work) return work;
  const open = s.informationRequests.find((q) => q.stepId === event.stepId && q.status === 'open');
  if (open) return new Refusal('CONFLICT', `step '${event.stepId}' already waits on request '${open.id}'`);
  const items = itemsRefusal(event.items);
  if (items) return items;
  const first = s.informationRequests.find((q) => q.stepId === event.stepId);
  if (policy.exhaustive && first) {
    const known = new Set(first.items.map((i) => i.id));
    const added = event.items.filter((i) => !known.has(i.id)).map((i) => i.id);
    if (added.length > 0) {
      return new Refusal(
        'NOT_ALLOWED',
        `step '${event.stepId}' takes one exhaustive list: item(s) ${added.map((a) => `'${a}'`).join(', ')} ` +
          `were not in the first request '${first.id}'`,
        { added },
      );
    }
  }
  return undefined;
}

export function requestInformation(r: Reduction, event: RequestInformationEvent): void {
  const s = r.state;
  const active = r.activeStep(event.stepId);
  // checkRequestInformation refused a step that takes no requests for information.
  const policy = r.definitionOf(event.stepId).step.informationRequests!;
  const id = `rfi-${s.informationRequests.length + 1}`;
  const answerBy = policy.answerWithin ? dueFrom(r.calendar, r.at, policy.answerWithin) : undefined;
  s.informationRequests.push({
    id,
    stepId: event.stepId,
    items: event.items.map((i) => ({ id: i.id, description: i.description })),
    requestedAt: r.at,
    requestedBy: r.actor,
    status: 'open',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(answerBy ? { answerBy: answerBy.dueAt } : {}),
    ...(answerBy?.dueDate !== undefined ? { answerByDate: answerBy.dueDate } : {}),
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
    data: {
      requestId: id,
      items: event.items,
      clock: policy.clock,
      ...(answerBy ? { answerBy: answerBy.dueAt } : {}),
      ...(answerBy?.dueDate !== undefined ? { answerByDate: answerBy.dueDate } : {}),
    },
  });
  if (r.ctx.definition.caseClock?.pauseOnApplicant) r.pauseCaseClock(reason);
}

export function checkAnswerInformation(v: CaseView, event: AnswerInformationEvent): Refusal | undefined {
  const role = applicantRefusal(v, 'answering a request for information');
  if (role) return role;
  if (!v.findActive(event.stepId)) return v.notActive(event.stepId);
  const rfi = v.state.informationRequests.find((q) => q.stepId === event.stepId && q.status === 'open');
  if (!rfi) return new Refusal('CONFLICT', `step '${event.stepId}' has no open request for information`);
  const known = rfi.items.map((i) => i.id);
  const unknown = (event.itemIds ?? known).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    return new Refusal('INVALID_EVENT', `request '${rfi.id}' has no item(s) ${unknown.join(', ')}`, { unknown });
  }
  return undefined;
}

export function answerInformation(r: Reduction, event: AnswerInformationEvent): void {
  const s = r.state;
  const active: ActiveStep = r.activeStep(event.stepId);
  // checkAnswerInformation refused a step with no open request.
  const rfi = s.informationRequests.find((q) => q.stepId === event.stepId && q.status === 'open')!;
  const known = rfi.items.map((i) => i.id);
  const provided = event.itemIds ?? known;
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

/** The step's missing-documents policy, if it may accept with missing documents. */
function missingDocumentsPolicy(v: CaseView, stepId: string) {
  const step = findStep(v.ctx.definition, stepId)?.step;
  return step && 'missingDocuments' in step ? step.missingDocuments : undefined;
}

/** Without a list, the notice names the step's required documents not on file. */
function noticeItems(v: CaseView, event: AcceptWithMissingEvent): InformationItem[] {
  return event.items ?? missingDocumentItems(v, event.stepId);
}

export function checkAcceptWithMissing(v: CaseView, event: AcceptWithMissingEvent): Refusal | undefined {
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (!findStep(v.ctx.definition, event.stepId)) return v.notActive(event.stepId);
  if (!missingDocumentsPolicy(v, event.stepId)) {
    return new Refusal('NOT_ALLOWED', `step '${event.stepId}' cannot accept with missing documents`);
  }
  const work = workRefusal(v, active);
  if (work) return work;
  if (v.state.missingDocuments) {
    return new Refusal('NOT_ALLOWED', 'a missing-documents notice was already given: one notice per case');
  }
  const items = noticeItems(v, event);
  if (items.length === 0) return new Refusal('INVALID_EVENT', 'the notice must list at least one item');
  return itemsRefusal(items);
}

export function acceptWithMissing(r: Reduction, event: AcceptWithMissingEvent): void {
  const s = r.state;
  const active = r.activeStep(event.stepId);
  // checkAcceptWithMissing refused a step without a missing-documents policy.
  const policy = missingDocumentsPolicy(r, event.stepId)!;
  const items = noticeItems(r, event);
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

export function checkVerifyDocument(v: CaseView, event: DocumentVerifiedEvent): Refusal | undefined {
  const role = roleRefusal(v, ['system', 'clerk', 'supervisor'], 'verifying a document');
  if (role) return role;
  const notice = v.state.missingDocuments;
  if (!notice || notice.status !== 'open') return new Refusal('CONFLICT', 'no missing-documents notice is open');
  if (!notice.outstanding.includes(event.itemId)) {
    return new Refusal('INVALID_EVENT', `item '${event.itemId}' is not outstanding on the missing-documents notice`);
  }
  return undefined;
}

export function verifyDocument(r: Reduction, event: DocumentVerifiedEvent): void {
  const s = r.state;
  // checkVerifyDocument refused an event without an open notice.
  const notice = s.missingDocuments!;
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
