import type { Actor } from '../actor';
import { parseInstant } from '../calendar/working-calendar';
import { DomainError, Refusal } from '../domain-error';
import { assertValidContext } from '../definition/context-check';
import type { CaseEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { CURRENT_ENGINE_RULES } from './engine-rules';
import { eventShapeRefusal } from './event-shape';
import { finalize } from './finalize';
import { roleRefusal } from './authorization';
import {
  checkConfirmPayment,
  checkDecide,
  checkRecordInspection,
  confirmPayment,
  decide,
  recordInspection,
} from './handlers/decide.handler';
import { checkTimer, fireTimer } from './handlers/timer.handler';
import {
  acceptWithMissing,
  answerInformation,
  checkAcceptWithMissing,
  checkAnswerInformation,
  checkRequestInformation,
  checkVerifyDocument,
  requestInformation,
  verifyDocument,
} from './handlers/information.handler';
import {
  acceptExtension,
  approveExtension,
  checkAcceptExtension,
  checkApproveExtension,
  checkDeclineExtension,
  checkProposeExtension,
  declineExtension,
  proposeExtension,
} from './handlers/extension.handler';
import { checkPublishCalendar, publishCalendar } from './handlers/calendar.handler';
import { recordWindowAnchors, windowRefusal } from './action-windows';
import {
  appeal,
  checkAppeal,
  checkGiveNotice,
  checkPauseCaseClock,
  checkPledge,
  checkResumeCaseClock,
  checkWithdraw,
  giveNotice,
  pauseCaseClock,
  pledge,
  resumeCaseClock,
  withdraw,
} from './handlers/case.handler';
import { checkClaim, checkReassign, checkRelease, claim, reassign, release } from './handlers/assignment.handler';
import { checkUploadDocument, uploadDocument } from './handlers/document.handler';
import { caseContext, checkMigrate, migrate } from './handlers/migration.handler';
import { issueEventNotices } from './issuing';
import { changeDocumentStatus, checkDocumentChange, varyDocument } from './handlers/issued-document.handler';
import type { ProcessContext, Submission } from './process-context.types';
import { checkPublishComment, publishComment } from './publishing';
import {
  checkRespondConsultation,
  checkResendConsultation,
  checkRevokeConsultation,
  respondConsultation,
  resendConsultation,
  revokeConsultation,
} from './consulting';
import { CaseView, Reduction } from './reduction';
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
    ...(submission.engineRules !== undefined ? { engineRules: submission.engineRules } : {}),
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
    data: {
      definitionKey: definition.key,
      definitionVersion: definition.version,
      attributes: state.attributes,
      // On the chain from the first transition: the rules this case is decided by.
      ...(state.engineRules !== undefined ? { engineRules: state.engineRules } : {}),
    },
  });
  if (definition.caseClock && definition.caseClock.startsAfter === undefined) startCaseClock(r);
  r.cause = 'activated';
  const start = Array.isArray(definition.start) ? definition.start : [definition.start];
  activateTarget(r, start, { stepId: null });
  issueEventNotices(r);
  finalize(r);
  return { state, transitions: r.transitions };
}

/** Applies one event; throws DomainError when it is not legal now. Never mutates `state`. */
export function apply(ctx: ProcessContext, state: CaseState, event: CaseEvent): Outcome {
  const refusal = refusalOf(ctx, state, event);
  if (refusal) throw refusal.toError();
  // JSON round-trip: the state is plain data, and this keeps the caller's copy untouched.
  const draft = JSON.parse(JSON.stringify(state)) as CaseState;
  // A migration already reduces under the version it moves the case to.
  const under =
    event.type === 'migrate-definition' ? { ...ctx, definition: event.definition } : caseContext(ctx, state);
  const r = new Reduction(under, draft, event.at, { ...event.actor }, event.type);
  // The table pairs each type with its own handler; TypeScript cannot follow that through the union.
  HANDLERS[event.type].apply(r, event as never);
  issueEventNotices(r);
  recordWindowAnchors(ctx.definition.actionWindows, draft, event);
  finalize(r);
  return { state: draft, transitions: r.transitions };
}

/**
 * null when `event` is legal now; otherwise why the reducer refuses it. These are the reducer's rules, and
 * `apply` refuses exactly what this refuses; it builds no Error, so the status page can ask about every action a
 * caller might take.
 */
export function refusalOf(ctx: ProcessContext, state: CaseState, event: CaseEvent): Refusal | null {
  try {
    return firstRefusal(ctx, state, event) ?? null;
  } catch (error) {
    // A malformed definition, calendar or time in the state: still a refusal, as apply always made it.
    if (error instanceof DomainError) return new Refusal(error.code, error.message, error.details);
    throw error;
  }
}

function firstRefusal(started: ProcessContext, state: CaseState, event: CaseEvent): Refusal | undefined {
  assertValidContext(started);
  const ctx = caseContext(started, state);
  const shape = eventShapeRefusal(event);
  if (shape) return shape;
  if (ctx.definition.key !== state.definitionKey || ctx.definition.version !== state.definitionVersion) {
    return new Refusal(
      'INVALID_DEFINITION',
      `case runs '${state.definitionKey}' v${state.definitionVersion}, not '${ctx.definition.key}' v${ctx.definition.version}`,
    );
  }
  if (parseInstant(event.at) < parseInstant(state.updatedAt)) {
    return new Refusal(
      'OUT_OF_ORDER',
      `event at ${event.at} is earlier than the case's last event at ${state.updatedAt}`,
    );
  }
  // A closed case still takes its own pending timers (the appeal window), an appeal within that window, and the
  // changes to the permits it issued.
  if (state.closed && !AFTER_CLOSURE.includes(event.type)) {
    return new Refusal('CASE_CLOSED', `case '${state.requestId}' is closed (${state.status})`);
  }
  const v = new CaseView(ctx, state, event.at, event.actor);
  return (
    roleRefusal(v, event.type === 'migrate-definition' ? ['administrator'] : CASE_ROLES, 'changing a case') ??
    windowRefusal(v, event) ??
    HANDLERS[event.type].check(v, event as never)
  );
}

const CASE_ROLES = ['applicant', 'clerk', 'supervisor', 'system'] as const;

const AFTER_CLOSURE: readonly CaseEvent['type'][] = [
  'appeal',
  'timer',
  'revoke-document',
  'suspend-document',
  'reinstate-document',
  'vary-document',
];

/** Each event's rules (`check`, reading the case as it is) and its change (`apply`, on the draft). */
interface Handler<E extends CaseEvent> {
  check(v: CaseView, event: E): Refusal | undefined;
  apply(r: Reduction, event: E): void;
}

const HANDLERS: { [T in CaseEvent['type']]: Handler<Extract<CaseEvent, { type: T }>> } = {
  decide: { check: checkDecide, apply: decide },
  'upload-document': { check: checkUploadDocument, apply: uploadDocument },
  timer: { check: checkTimer, apply: fireTimer },
  withdraw: { check: checkWithdraw, apply: withdraw },
  'request-information': { check: checkRequestInformation, apply: requestInformation },
  'answer-information': { check: checkAnswerInformation, apply: answerInformation },
  'accept-with-missing': { check: checkAcceptWithMissing, apply: acceptWithMissing },
  'document-verified': { check: checkVerifyDocument, apply: verifyDocument },
  'payment-confirmed': { check: checkConfirmPayment, apply: confirmPayment },
  'inspection-result': { check: checkRecordInspection, apply: recordInspection },
  pledge: { check: checkPledge, apply: pledge },
  'give-notice': { check: checkGiveNotice, apply: giveNotice },
  'propose-extension': { check: checkProposeExtension, apply: proposeExtension },
  'approve-extension': { check: checkApproveExtension, apply: approveExtension },
  'calendar-published': { check: checkPublishCalendar, apply: publishCalendar },
  'migrate-definition': { check: checkMigrate, apply: migrate },
  'accept-extension': { check: checkAcceptExtension, apply: acceptExtension },
  'decline-extension': { check: checkDeclineExtension, apply: declineExtension },
  appeal: { check: checkAppeal, apply: appeal },
  claim: { check: checkClaim, apply: claim },
  release: { check: checkRelease, apply: release },
  reassign: { check: checkReassign, apply: reassign },
  'pause-clock': { check: checkPauseCaseClock, apply: pauseCaseClock },
  'resume-clock': { check: checkResumeCaseClock, apply: resumeCaseClock },
  'revoke-document': { check: checkDocumentChange, apply: changeDocumentStatus },
  'suspend-document': { check: checkDocumentChange, apply: changeDocumentStatus },
  'reinstate-document': { check: checkDocumentChange, apply: changeDocumentStatus },
  'vary-document': { check: checkDocumentChange, apply: varyDocument },
  'publish-comment': { check: checkPublishComment, apply: publishComment },
  'resend-consultation': { check: checkResendConsultation, apply: resendConsultation },
  'revoke-consultation': { check: checkRevokeConsultation, apply: revokeConsultation },
  'respond-consultation': { check: checkRespondConsultation, apply: respondConsultation },
};

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
  const rules = submission.engineRules as unknown;
  if (
    rules !== undefined &&
    !(Number.isInteger(rules) && (rules as number) >= 1 && (rules as number) <= CURRENT_ENGINE_RULES)
  ) {
    throw bad('engineRules');
  }
  const attributes = submission.attributes as unknown;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw bad('attributes');
  for (const [key, value] of Object.entries(attributes)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw bad(`attributes.${key}`);
  }
}
