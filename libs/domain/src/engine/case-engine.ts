import type { Actor } from '../actor';
import { parseInstant } from '../calendar/working-calendar';
import { DomainError } from '../domain-error';
import { assertValidContext } from '../definition/context-check';
import type { CaseEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { assertEventShape } from './event-shape';
import { finalize } from './finalize';
import { assertRole } from './authorization';
import { decide, confirmPayment, recordInspection } from './handlers/decide.handler';
import { fireTimer } from './handlers/timer.handler';
import {
  acceptWithMissing,
  answerInformation,
  requestInformation,
  verifyDocument,
} from './handlers/information.handler';
import { acceptExtension, approveExtension, declineExtension, proposeExtension } from './handlers/extension.handler';
import { publishCalendar } from './handlers/calendar.handler';
import { assertWithinWindows } from './action-windows';
import { appeal, giveNotice, pauseCaseClock, pledge, resumeCaseClock, withdraw } from './handlers/case.handler';
import { claim, reassign, release } from './handlers/assignment.handler';
import { uploadDocument } from './handlers/document.handler';
import type { ProcessContext, Submission } from './process-context.types';
import { Reduction } from './reduction';
import { activateTarget, startCaseClock } from './routing';
import type { Outcome } from './transition.types';

/** Starts a case: records the submission and activates the definition's first step(s). */
export function startCase(ctx: ProcessContext, submission: Submission): Outcome {
  assertValidContext(ctx);
  assertSubmission(submission);
  const { definition } = ctx;
  const state: CaseState = {
    requestId: submission.requestId,
    definitionKey: definition.key,
    definitionVersion: definition.version,
    requestType: definition.requestType,
    jurisdiction: definition.jurisdiction,
    applicant: { ...submission.applicant },
    attributes: { ...submission.attributes },
    submittedAt: submission.at,
    status: 'in_progress',
    closed: false,
    seq: 0,
    updatedAt: submission.at,
    activeSteps: [],
    history: [],
    timers: [],
    caseOverdue: false,
    informationRequests: [],
    extensions: [],
    conditions: [],
    activations: {},
  };
  const r = new Reduction(ctx, state, submission.at, state.applicant, 'submitted');
  r.emit({
    stepId: null,
    event: 'submitted',
    fromState: 'none',
    toState: 'in_progress',
    data: { definitionKey: definition.key, definitionVersion: definition.version, attributes: state.attributes },
  });
  if (definition.caseClock && definition.caseClock.startsAfter === undefined) startCaseClock(r);
  r.cause = 'activated';
  const start = Array.isArray(definition.start) ? definition.start : [definition.start];
  activateTarget(r, start, { stepId: null });
  finalize(r);
  return { state, transitions: r.transitions };
}

/** Applies one event; throws DomainError when it is not legal now. Never mutates `state`. */
export function apply(ctx: ProcessContext, state: CaseState, event: CaseEvent): Outcome {
  assertValidContext(ctx);
  assertEventShape(event);
  if (ctx.definition.key !== state.definitionKey || ctx.definition.version !== state.definitionVersion) {
    throw new DomainError(
      'INVALID_DEFINITION',
      `case runs '${state.definitionKey}' v${state.definitionVersion}, not '${ctx.definition.key}' v${ctx.definition.version}`,
    );
  }
  if (parseInstant(event.at) < parseInstant(state.updatedAt)) {
    throw new DomainError(
      'OUT_OF_ORDER',
      `event at ${event.at} is earlier than the case's last event at ${state.updatedAt}`,
    );
  }
  // A closed case still takes its own pending timers (the appeal window) and an appeal within that window.
  if (state.closed && event.type !== 'appeal' && event.type !== 'timer') {
    throw new DomainError('CASE_CLOSED', `case '${state.requestId}' is closed (${state.status})`);
  }
  // JSON round-trip: the state is plain data, and this keeps the caller's copy untouched.
  const draft = JSON.parse(JSON.stringify(state)) as CaseState;
  const r = new Reduction(ctx, draft, event.at, { ...event.actor }, event.type);
  assertRole(r, ['applicant', 'clerk', 'supervisor', 'system'], 'changing a case');
  assertWithinWindows(r, event);
  dispatch(r, event);
  finalize(r);
  return { state: draft, transitions: r.transitions };
}

function dispatch(r: Reduction, event: CaseEvent): void {
  switch (event.type) {
    case 'decide':
      return decide(r, event);
    case 'upload-document':
      return uploadDocument(r, event);
    case 'timer':
      return fireTimer(r, event);
    case 'withdraw':
      return withdraw(r, event);
    case 'request-information':
      return requestInformation(r, event);
    case 'answer-information':
      return answerInformation(r, event);
    case 'accept-with-missing':
      return acceptWithMissing(r, event);
    case 'document-verified':
      return verifyDocument(r, event);
    case 'payment-confirmed':
      return confirmPayment(r, event);
    case 'inspection-result':
      return recordInspection(r, event);
    case 'pledge':
      return pledge(r, event);
    case 'give-notice':
      return giveNotice(r, event);
    case 'propose-extension':
      return proposeExtension(r, event);
    case 'approve-extension':
      return approveExtension(r, event);
    case 'calendar-published':
      return publishCalendar(r, event);
    case 'accept-extension':
      return acceptExtension(r, event);
    case 'decline-extension':
      return declineExtension(r, event);
    case 'appeal':
      return appeal(r, event);
    case 'claim':
      return claim(r, event);
    case 'release':
      return release(r, event);
    case 'reassign':
      return reassign(r, event);
    case 'pause-clock':
      return pauseCaseClock(r, event);
    case 'resume-clock':
      return resumeCaseClock(r, event);
  }
}

/** null when the event is legal now; otherwise the reason it would be refused (for Update validators). */
export function rejectionReason(ctx: ProcessContext, state: CaseState, event: CaseEvent): string | null {
  try {
    apply(ctx, state, event);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

/** Like rejectionReason, but with the error code for the API's 4xx mapping. */
export function checkEvent(ctx: ProcessContext, state: CaseState, event: CaseEvent): DomainError | null {
  try {
    apply(ctx, state, event);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

function assertSubmission(submission: Submission): void {
  const bad = (field: string) => new DomainError('INVALID_EVENT', `submission.${field}: missing or malformed`);
  if (typeof submission !== 'object' || submission === null) throw bad('(body)');
  if (typeof submission.requestId !== 'string' || !submission.requestId.trim()) throw bad('requestId');
  const applicant = submission.applicant as Actor | undefined;
  if (!applicant || typeof applicant.id !== 'string' || applicant.role !== 'applicant') throw bad('applicant');
  parseInstant(submission.at);
  const attributes = submission.attributes as unknown;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw bad('attributes');
  for (const [key, value] of Object.entries(attributes)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw bad(`attributes.${key}`);
  }
}
