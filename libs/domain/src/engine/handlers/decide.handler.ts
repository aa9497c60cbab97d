import { DomainError } from '../../domain-error';
import { outcomesOf } from '../../definition/definition-index';
import { assertCanWork, assertRole } from '../authorization';
import type { DecideEvent, InspectionResultEvent, PaymentConfirmedEvent } from '../case-event.types';
import type { Reduction } from '../reduction';
import { completeStep } from '../routing';
import { assertRequiredDocuments } from './document.handler';

const EXTERNAL_SOURCES = ['system', 'clerk', 'supervisor'] as const;

export function decide(r: Reduction, event: DecideEvent): void {
  const active = r.activeStep(event.stepId);
  const entry = r.definitionOf(event.stepId);
  switch (active.kind) {
    case 'parallel': {
      const members = r.state.activeSteps.filter((a) => a.groupId === active.stepId).map((a) => a.stepId);
      throw new DomainError(
        'NOT_ALLOWED',
        `step '${active.stepId}' is a joint review: decide on its member reviews (${members.join(', ')})`,
      );
    }
    case 'period':
      throw new DomainError('NOT_ALLOWED', `step '${active.stepId}' is a fixed period and ends when its time runs out`);
    case 'payment':
      throw new DomainError('NOT_ALLOWED', `step '${active.stepId}' completes when the payment is confirmed`);
    case 'task':
    case 'applicant':
    case 'inspection':
      break;
  }
  assertCanWork(r, active);
  const allowed = outcomesOf(r.ctx.definition, event.stepId);
  if (!allowed.includes(event.outcome)) {
    throw new DomainError(
      'ILLEGAL_OUTCOME',
      `outcome '${event.outcome}' is not allowed for step '${event.stepId}' (allowed: ${allowed.join(', ')})`,
      { allowed },
    );
  }
  if (entry.kind === 'top' && entry.step.kind !== 'parallel' && entry.step.pledgeOutcomes?.includes(event.outcome)) {
    if (!r.state.pledge) {
      throw new DomainError('NOT_ALLOWED', `outcome '${event.outcome}' needs the applicant's signed pledge on file`);
    }
  }
  assertRequiredDocuments(r, event.stepId, event.outcome);
  completeStep(r, active, event.outcome, {
    event: 'decided',
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.conditions?.length ? { conditions: event.conditions } : {}),
  });
}

export function confirmPayment(r: Reduction, event: PaymentConfirmedEvent): void {
  assertRole(r, EXTERNAL_SOURCES, 'confirming a payment');
  const active = r.activeStep(event.stepId);
  if (active.kind !== 'payment') throw new DomainError('NOT_ALLOWED', `step '${event.stepId}' takes no payment`);
  completeStep(r, active, 'paid', {
    event: 'payment.confirmed',
    data: { reference: event.reference, ...(event.amount !== undefined ? { amount: event.amount } : {}) },
  });
}

export function recordInspection(r: Reduction, event: InspectionResultEvent): void {
  assertRole(r, EXTERNAL_SOURCES, 'recording an inspection result');
  const active = r.activeStep(event.stepId);
  if (active.kind !== 'inspection') throw new DomainError('NOT_ALLOWED', `step '${event.stepId}' is not an inspection`);
  completeStep(r, active, event.passed ? 'passed' : 'failed', {
    event: 'inspection.recorded',
    ...(event.findings !== undefined ? { reason: event.findings } : {}),
  });
}
