import {
  ActionInput,
  actUpdate,
  ApprovalWorkflowInput,
  caseStateQuery,
  externalEventSignal,
  searchAttributes,
} from '@onewindow/contracts';
import type { RecordActivities } from '@onewindow/contracts';
import type { TransitionSource } from '@onewindow/persistence';
import {
  apply,
  CaseEvent,
  CaseState,
  DomainError,
  nextTimer,
  isClosed,
  Outcome,
  rejectionReason,
  startCase,
} from '@onewindow/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';

const { recordTransitions } = proxyActivities<RecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/**
 * Interprets one request's process definition: every action, external event and timer goes
 * through the domain reducer, and every transition it returns is recorded before the action
 * is acknowledged.
 */
export async function approvalWorkflow(input: ApprovalWorkflowInput): Promise<CaseState> {
  const { ctx, submission, title } = input;
  const request = {
    requestId: submission.requestId,
    applicantId: submission.applicant.id,
    title,
    attributes: submission.attributes,
    submittedAt: submission.at,
  };
  const { workflowId, runId } = workflowInfo();

  const started = input.resume ? undefined : startCase(ctx, submission);
  let state: CaseState = input.resume ?? started!.state;
  // Batches are recorded strictly in order, one after another, so sequence numbers arrive in order.
  let recording: Promise<unknown> = Promise.resolve();
  let changes = 0;

  const commit = (outcome: Outcome, source: TransitionSource): Promise<unknown> => {
    state = outcome.state;
    changes += 1;
    publishSearchAttributes(state);
    if (outcome.transitions.length === 0) return recording;
    const batch = { request, workflowId, runId, source, state, transitions: outcome.transitions };
    recording = recording.then(() => recordTransitions(batch));
    return recording;
  };

  // Recorded first: an Update buffered before the workflow started runs as soon as its handler is set.
  const initialRecording = started ? commit(started, 'api') : Promise.resolve();

  setHandler(caseStateQuery, () => state);
  setHandler(
    actUpdate,
    async ({ event, source }) => {
      await commit(applyOrFail(ctx, state, stamped(event)), source);
      return state;
    },
    { validator: ({ event }: ActionInput) => assertLegal(ctx, state, stamped(event)) },
  );
  setHandler(externalEventSignal, (received) => {
    // Signals cannot be refused, so an event that does not apply now is dropped (Temporal keeps it in history).
    const event = stamped(received);
    if (rejectionReason(ctx, state, event) === null) void commit(apply(ctx, state, event), 'external');
  });

  // Handlers are registered before the first await so an early Update is never refused.
  await initialRecording;

  while (!isSettled(state)) {
    const timer = nextTimer(state);
    const seen = changes;
    const waitMs = timer ? Date.parse(timer.dueAt) - Date.now() : undefined;
    if (waitMs === undefined) {
      await condition(() => changes !== seen || continueAsNewDue());
    } else if (waitMs > 0) {
      await condition(() => changes !== seen || continueAsNewDue(), waitMs);
    }
    if (changes === seen && timer && Date.now() >= Date.parse(timer.dueAt)) {
      const event: CaseEvent = { type: 'timer', timerId: timer.id, at: new Date().toISOString(), actor: SYSTEM };
      await commit(apply(ctx, state, event), 'timer');
    }
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await recording;
      await continueAsNew<typeof approvalWorkflow>({ ...input, resume: state });
    }
  }

  await condition(allHandlersFinished);
  await recording;
  return state;
}

/** The workflow's clock is the authority on when an action took effect. */
function stamped(event: CaseEvent): CaseEvent {
  return { ...event, at: new Date().toISOString() };
}

const SYSTEM = { id: 'system', role: 'system' } as const;

/** Nothing left to wait for: closed, and no timer still pending (such as an appeal window). */
function isSettled(state: CaseState): boolean {
  return isClosed(state) && state.timers.length === 0;
}

function continueAsNewDue(): boolean {
  return workflowInfo().continueAsNewSuggested;
}

/** A domain error must fail the Update, not the workflow task (which Temporal would retry forever). */
function applyOrFail(...args: Parameters<typeof apply>): Outcome {
  try {
    return apply(...args);
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}

function assertLegal(...args: Parameters<typeof rejectionReason>): void {
  const reason = rejectionReason(...args);
  if (reason !== null) throw ApplicationFailure.nonRetryable(reason, 'IllegalAction');
}

function publishSearchAttributes(state: CaseState): void {
  const due = state.activeSteps.map((s) => s.dueAt).filter((d): d is string => typeof d === 'string');
  upsertSearchAttributes([
    { key: searchAttributes.requestType, value: state.requestType },
    { key: searchAttributes.status, value: state.status },
    { key: searchAttributes.jurisdiction, value: state.jurisdiction },
    { key: searchAttributes.currentSteps, value: state.activeSteps.map((s) => s.stepId) },
    { key: searchAttributes.departments, value: [...new Set(state.activeSteps.map((s) => s.owner.department))] },
    { key: searchAttributes.nextDueAt, value: due.length > 0 ? new Date(due.sort()[0]) : null },
  ]);
}
