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
  return requiredDocumentsRefusal(v, event.stepId, event.outcome);
}

export function decide(r: Reduction, event: DecideEvent): void {
  const active = r.activeStep(event.stepId);
  completeStep(r, active, event.outcome, {
    event: 'decided',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.conditions?.length ? { conditions: event.conditions } : {}),
    ...(event.informatives?.length ? { informatives: event.informatives } : {}),
    ...(event.refusalReasons?.length ? { refusalReasons: event.refusalReasons } : {}),
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
