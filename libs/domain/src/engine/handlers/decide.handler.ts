import { parseInstant } from '../../calendar/working-calendar';
import { Refusal } from '../../domain-error';
import { findStep, outcomesOf } from '../../definition/definition-index';
import { roleRefusal, workRefusal } from '../authorization';
import type { DecideEvent, InspectionResultEvent, PaymentConfirmedEvent } from '../case-event.types';
import type { CaseView, Reduction } from '../reduction';
import { completeStep } from '../routing';
import { requiredDocumentsRefusal } from './document.handler';

const EXTERNAL_SOURCES = ['system', 'clerk', 'supervisor'] as const;

export function checkDecide(v: CaseView, event: DecideEvent): Refusal | undefined {
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  const entry = findStep(v.ctx.definition, event.stepId);
  if (!entry) return v.notActive(event.stepId);
  switch (active.kind) {
    case 'parallel': {
      const members = v.state.activeSteps.filter((a) => a.groupId === active.stepId).map((a) => a.stepId);
      return new Refusal(
        'NOT_ALLOWED',
        `step '${active.stepId}' is a joint review: decide on its member reviews (${members.join(', ')})`,
      );
    }
    case 'period':
      return new Refusal('NOT_ALLOWED', `step '${active.stepId}' is a fixed period and ends when its time runs out`);
    case 'payment':
      return new Refusal('NOT_ALLOWED', `step '${active.stepId}' completes when the payment is confirmed`);
    case 'task':
    case 'applicant':
    case 'inspection':
      break;
  }
  const work = workRefusal(v, active);
  if (work) return work;
  const allowed = outcomesOf(v.ctx.definition, event.stepId);
  if (!allowed.includes(event.outcome)) {
    return new Refusal(
      'ILLEGAL_OUTCOME',
      `outcome '${event.outcome}' is not allowed for step '${event.stepId}' (allowed: ${allowed.join(', ')})`,
      { allowed },
    );
  }
  if (entry.kind === 'top' && entry.step.kind !== 'parallel' && entry.step.pledgeOutcomes?.includes(event.outcome)) {
    if (!v.state.pledge) {
      return new Refusal('NOT_ALLOWED', `outcome '${event.outcome}' needs the applicant's signed pledge on file`);
    }
  }
  return (
    standardConditionRefusal(v, event) ??
    backDatingRefusal(v, event) ??
    requiredDocumentsRefusal(v, event.stepId, event.outcome)
  );
}

/** A condition said to be one of the definition's standard ones must be one of them. */
function standardConditionRefusal(v: CaseView, event: DecideEvent): Refusal | undefined {
  const known = new Set((v.ctx.definition.standardConditions ?? []).map((c) => c.key));
  for (const condition of event.conditions ?? []) {
    const standard = typeof condition === 'string' ? undefined : condition.standard;
    if (standard !== undefined && !known.has(standard)) {
      return new Refusal('INVALID_EVENT', `'${standard}' is not a standard condition of this process`, {
        allowed: [...known],
      });
    }
  }
  return undefined;
}

/**
 * A validation may be dated back to when the application became valid (e.g. the missing document arrived by
 * post before the clerk recorded it): never before receipt, never in the future, and always with a reason.
 */
function backDatingRefusal(v: CaseView, event: DecideEvent): Refusal | undefined {
  const from = event.effectiveFrom;
  if (from === undefined) return undefined;
  if (v.ctx.definition.caseClock?.startsAfter !== event.stepId) {
    return new Refusal(
      'NOT_ALLOWED',
      `only the validation that starts the case clock may be dated back, not step '${event.stepId}'`,
    );
  }
  if (event.reason === undefined || event.reason.trim() === '') {
    return new Refusal('INVALID_EVENT', 'a validation dated back needs the reason why');
  }
  const receivedAt = v.state.submittedAt;
  if (parseInstant(from) < parseInstant(receivedAt) || parseInstant(from) > parseInstant(v.at)) {
    return new Refusal(
      'INVALID_EVENT',
      `a validation may be dated back only between receipt (${receivedAt}) and now (${v.at}), not to ${from}`,
    );
  }
  return undefined;
}

export function decide(r: Reduction, event: DecideEvent): void {
  const active = r.activeStep(event.stepId);
  completeStep(r, active, event.outcome, {
    event: 'decided',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.conditions?.length ? { conditions: event.conditions } : {}),
    ...(event.informatives?.length ? { informatives: event.informatives } : {}),
    ...(event.refusalReasons?.length ? { refusalReasons: event.refusalReasons } : {}),
    ...(event.effectiveFrom !== undefined ? { effectiveAt: event.effectiveFrom } : {}),
  });
}

export function checkConfirmPayment(v: CaseView, event: PaymentConfirmedEvent): Refusal | undefined {
  const role = roleRefusal(v, EXTERNAL_SOURCES, 'confirming a payment');
  if (role) return role;
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (active.kind !== 'payment') return new Refusal('NOT_ALLOWED', `step '${event.stepId}' takes no payment`);
  return undefined;
}

export function confirmPayment(r: Reduction, event: PaymentConfirmedEvent): void {
  const active = r.activeStep(event.stepId);
  completeStep(r, active, 'paid', {
    event: 'payment.confirmed',
    data: { reference: event.reference, ...(event.amount !== undefined ? { amount: event.amount } : {}) },
  });
}

export function checkRecordInspection(v: CaseView, event: InspectionResultEvent): Refusal | undefined {
  const role = roleRefusal(v, EXTERNAL_SOURCES, 'recording an inspection result');
  if (role) return role;
  const active = v.findActive(event.stepId);
  if (!active) return v.notActive(event.stepId);
  if (active.kind !== 'inspection') return new Refusal('NOT_ALLOWED', `step '${event.stepId}' is not an inspection`);
  return undefined;
}

export function recordInspection(r: Reduction, event: InspectionResultEvent): void {
  const active = r.activeStep(event.stepId);
  completeStep(r, active, event.passed ? 'passed' : 'failed', {
    event: 'inspection.recorded',
    ...(event.findings !== undefined ? { reason: event.findings } : {}),
  });
}
