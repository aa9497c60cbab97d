import type { CaseEvent, CaseState, ProcessContext, Submission } from '@onewindow/domain';
import type { TransitionSource } from './record.contract';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** One approval workflow per request; the id is derived from the request id so a retried submit cannot start two. */
export const approvalWorkflowId = (requestId: string): string => `request-${requestId}`;

/**
 * The patch that kept a case's workflow running while a permit it issued was in force, taken by cases started
 * before cases recorded their engine rules: its marker in a history says that case ran under the permit lifecycle.
 */
export const ISSUED_PERMIT_LIFECYCLE_PATCH = 'issued-permit-lifecycle';

export interface ApprovalWorkflowInput {
  ctx: ProcessContext;
  submission: Submission;
  title: string;
  /** Carried over by continue-as-new so a long-running case keeps a bounded history. */
  resume?: CaseState;
  /** History length at which the case continues as new (default 2,000 events). */
  historyLimit?: number;
}

export interface ActionInput {
  event: CaseEvent;
  /** `external`: a fact from outside (a payment, an inspection, a verified document) sent through the API. */
  source: Extract<TransitionSource, 'api' | 'external' | 'system'>;
}

/**
 * Where a case stands once an action's transitions are recorded. Small on purpose: Temporal keeps
 * every Update's result in the history, and the whole state is a query (or the read model) away.
 */
export interface ActionReceipt {
  status: CaseState['status'];
  /** The last transition recorded for the action. */
  seq: number;
  activeSteps: string[];
}

/**
 * Clerk and applicant actions, and external facts sent through the API: validated against the reducer
 * before anything is written; the caller's Idempotency-Key is the Update id.
 */
export const actUpdate = defineUpdate<ActionReceipt, [ActionInput]>('act');
/**
 * Facts from outside with no caller waiting (the calendar recount); the API sends external facts as
 * `actUpdate` since a Signal has no id by which a retry could find its first effect.
 */
export const externalEventSignal = defineSignal<[CaseEvent]>('externalEvent');
export const caseStateQuery = defineQuery<CaseState>('caseState');
