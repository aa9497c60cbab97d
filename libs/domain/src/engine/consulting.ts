import { parseInstant } from '../calendar/working-calendar';
import { evaluateCondition } from '../definition/condition';
import type { Duration, SequentialStep, StepDefinition } from '../definition/process-definition.types';
import { Refusal } from '../domain-error';
import { roleRefusal } from './authorization';
import type { RespondConsultationEvent, ResendConsultationEvent, RevokeConsultationEvent } from './case-event.types';
import type { Consultation } from './case-state.types';
import { dueFrom } from './clock';
import type { CaseView, Reduction } from './reduction';

/** A consultee body was sent a link to respond (a first invitation or a re-send); the recorder emails it. */
export const CONSULTATION_INVITED = 'consultation.invited';
export const CONSULTATION_REVOKED = 'consultation.revoked';
export const CONSULTATION_RESPONDED = 'consultation.responded';

/** The actor id under which a consultee body's response is recorded. */
export function consulteeActorId(organisation: string): string {
  return `consultee:${organisation}`;
}

/**
 * Invites the consultee bodies a starting step names (those whose condition holds of the case), each with its own
 * due date counted by the case's clocks from the step's start. A body already consulted on the case is not invited
 * again when the step runs a second time: its link and answer stand.
 */
export function inviteConsultees(r: Reduction, step: StepDefinition, stepPeriod: Duration | undefined): void {
  const consultees = (step as SequentialStep).consultees;
  if (!consultees) return;
  for (const c of consultees) {
    if (c.when && !evaluateCondition(c.when, r.state.attributes)) continue;
    const consultations = (r.state.consultations ??= []);
    if (consultations.some((existing) => existing.organisation === c.organisation)) continue;
    const period = c.respondWithin ?? stepPeriod;
    // The validator requires a period for each body; a definition without one cannot start here.
    if (!period) continue;
    const consultation: Consultation = {
      organisation: c.organisation,
      stepId: step.id,
      invitedAt: r.clockStart,
      dueAt: dueFrom(r.calendar, r.clockStart, period).dueAt,
      link: 1,
      status: 'invited',
    };
    consultations.push(consultation);
    emitInvitation(r, consultation, 'none');
  }
}

function emitInvitation(r: Reduction, c: Consultation, from: string): void {
  r.emit({
    stepId: null,
    event: CONSULTATION_INVITED,
    fromState: from,
    toState: 'invited',
    data: { organisation: c.organisation, stepId: c.stepId, link: c.link, dueAt: c.dueAt },
  });
}

function consultationOf(v: CaseView, organisation: string): Consultation | Refusal {
  const c = v.state.consultations?.find((x) => x.organisation === organisation);
  return c ?? new Refusal('INVALID_EVENT', `'${organisation}' is not consulted on this case`);
}

/** Staff re-send a link while the body has not answered. */
export function checkResendConsultation(v: CaseView, event: ResendConsultationEvent): Refusal | undefined {
  const role = roleRefusal(v, ['clerk', 'supervisor'], 're-sending a consultation link');
  if (role) return role;
  const c = consultationOf(v, event.organisation);
  if (c instanceof Refusal) return c;
  if (c.status === 'answered') return new Refusal('CONFLICT', `'${event.organisation}' has already responded`);
  return undefined;
}

export function resendConsultation(r: Reduction, event: ResendConsultationEvent): void {
  const c = r.state.consultations!.find((x) => x.organisation === event.organisation)!;
  const from = c.status;
  c.link += 1;
  c.status = 'invited';
  emitInvitation(r, c, from);
}

/** Staff revoke a link that may still answer. */
export function checkRevokeConsultation(v: CaseView, event: RevokeConsultationEvent): Refusal | undefined {
  const role = roleRefusal(v, ['clerk', 'supervisor'], 'revoking a consultation link');
  if (role) return role;
  const c = consultationOf(v, event.organisation);
  if (c instanceof Refusal) return c;
  if (c.status !== 'invited') {
    return new Refusal('CONFLICT', `'${event.organisation}' has no link that answers (${c.status})`);
  }
  return undefined;
}

export function revokeConsultation(r: Reduction, event: RevokeConsultationEvent): void {
  const c = r.state.consultations!.find((x) => x.organisation === event.organisation)!;
  c.status = 'revoked';
  r.emit({
    stepId: null,
    event: CONSULTATION_REVOKED,
    fromState: 'invited',
    toState: 'revoked',
    reason: event.reason,
    data: { organisation: c.organisation, link: c.link },
  });
}

/** Only the body itself answers, through its current link, once; after the due date is allowed and marked late. */
export function checkRespondConsultation(v: CaseView, event: RespondConsultationEvent): Refusal | undefined {
  const role = roleRefusal(v, ['system'], 'a consultee response');
  if (role) return role;
  if (v.actor.id !== consulteeActorId(event.organisation)) {
    return new Refusal('NOT_ALLOWED', `only '${event.organisation}' responds for itself`);
  }
  const c = consultationOf(v, event.organisation);
  if (c instanceof Refusal) return c;
  if (c.status === 'answered') return new Refusal('CONFLICT', `'${event.organisation}' has already responded`);
  if (c.status === 'revoked' || event.link !== c.link) {
    return new Refusal('NOT_ALLOWED', 'this consultation link no longer answers');
  }
  if (!event.text.trim() && event.position !== 'no-objection') {
    return new Refusal('INVALID_EVENT', 'respond-consultation.text: comments and objections say why');
  }
  return undefined;
}

export function respondConsultation(r: Reduction, event: RespondConsultationEvent): void {
  const c = r.state.consultations!.find((x) => x.organisation === event.organisation)!;
  const late = parseInstant(r.at) > parseInstant(c.dueAt);
  Object.assign(c, { status: 'answered', respondedAt: r.at, position: event.position, late });
  r.emit({
    stepId: null,
    event: CONSULTATION_RESPONDED,
    fromState: 'invited',
    toState: 'answered',
    data: {
      organisation: c.organisation,
      position: event.position,
      late,
      dueAt: c.dueAt,
      text: event.text,
      conditions: event.conditions ?? [],
      documents: event.documents ?? [],
    },
  });
}
