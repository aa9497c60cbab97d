import {
  ActionInput,
  ActionReceipt,
  actUpdate,
  ApprovalWorkflowInput,
  caseStateQuery,
  externalEventSignal,
  ISSUED_PERMIT_LIFECYCLE_PATCH,
  memberDecidedSignal,
} from '@onewindow/contracts';
import type { RecordActivities, TransitionSource } from '@onewindow/contracts';
import {
  CaseEvent,
  CaseInterpreter,
  CaseState,
  DomainError,
  ENGINE_RULES,
  Outcome,
  rejectionReason,
  startCase,
} from '@onewindow/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { Alarm } from './alarm';
import { SearchAttributePublisher } from './search-attribute-publisher';
import { TransitionRecorder } from './transition-recorder';

// One short database transaction: when a worker dies mid-recording, the retry runs elsewhere within seconds
// (the unique (request_id, seq) makes a second attempt of a recorded batch a no-op).
const { recordTransitions } = proxyActivities<RecordActivities>({
  startToCloseTimeout: '5 seconds',
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
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;
  const searchAttributes = new SearchAttributePublisher();
  const alarm = new Alarm();

  const started = input.resume ? undefined : startCase(ctx, submission);
  const interpreter = new CaseInterpreter(ctx, input.resume ?? started!.state);
  const log = new TransitionRecorder(recordTransitions, { request, workflowId, runId }, patched(RECORD_IN_PARALLEL));
  let changes = 0;

  const commit = (outcome: Outcome, source: TransitionSource): Promise<unknown> => {
    changes += 1;
    searchAttributes.publish(outcome.state);
    return log.record(outcome.state, outcome.transitions, source);
  };

  // Recorded first: an Update buffered before the workflow started runs as soon as its handler is set.
  const initialRecording = started ? commit(started, 'api') : Promise.resolve();

  setHandler(caseStateQuery, () => interpreter.state);
  setHandler(
    actUpdate,
    async ({ event, source }) => {
      const outcome = applyOrFail(interpreter, stamped(event));
      await commit(outcome, source);
      return receiptOf(outcome.state);
    },
    { validator: ({ event }: ActionInput) => assertLegal(interpreter, stamped(event)) },
  );
  setHandler(externalEventSignal, (received) => {
    // Signals cannot be refused, so an event that does not apply now is dropped (Temporal keeps it in history).
    const outcome = interpreter.offer(stamped(received));
    if (outcome) void commit(outcome, 'external');
  });

  // Handlers are registered before the first await so an early Update is never refused.
  await initialRecording;

  // A case that issued a permit keeps waiting while the permit is in force, if its rules give permits a lifecycle:
  // it can still be revoked, suspended, reinstated or varied, and expires by its own timer.
  const waiting = () => {
    if (!interpreter.settledIgnoringLicences) return true;
    // A case started before cases recorded their rules took the lifecycle only where its history took the patch
    // (code of that time): a replay follows that history, and such a case closing today keeps its first rules.
    if (
      interpreter.awaitsHistoricRules &&
      workflowInfo().unsafe.isReplaying &&
      patched(ISSUED_PERMIT_LIFECYCLE_PATCH)
    ) {
      interpreter.adoptHistoricRules(ENGINE_RULES.permitLifecycle);
    }
    return !interpreter.settled;
  };
  let parentTold = false;
  while (waiting()) {
    if (interpreter.settledIgnoringLicences && !parentTold) {
      // Decided, and waiting only on the permit it issued: a project waiting on this request learns it now.
      parentTold = true;
      await tellParent(interpreter.state);
    }
    const due = interpreter.dueTimer(new Date().toISOString());
    if (due) {
      await commit(interpreter.apply(due), 'timer');
      continue;
    }
    alarm.set(interpreter.nextDueAt);
    const seen = changes;
    await condition(() => changes !== seen || alarm.rang || continueAsNewDue());
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await log.settled();
      await continueAsNew<typeof approvalWorkflow>({ ...input, ctx: interpreter.ctx, resume: interpreter.state });
    }
  }
  alarm.set(undefined);

  await condition(allHandlersFinished);
  await log.settled();
  return interpreter.state;
}

/** Signals the project that started this request (if any) that the request was decided. */
async function tellParent(state: CaseState): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(memberDecidedSignal, {
      requestId: state.requestId,
      status: state.status,
    });
  } catch {
    // The project already ended (its time ran out, or it was terminated): nobody is waiting to be told.
  }
}

function receiptOf(state: CaseState): ActionReceipt {
  return { status: state.status, seq: state.seq, activeSteps: state.activeSteps.map((s) => s.stepId) };
}

/** The workflow's clock is the authority on when an action took effect. */
function stamped(event: CaseEvent): CaseEvent {
  return { ...event, at: new Date().toISOString() };
}

/** The patch that made batches carry every unrecorded transition and run side by side. */
const RECORD_IN_PARALLEL = 'record-in-parallel';

/** Long-running cases continue as new well before Temporal's history limits. */
const DEFAULT_HISTORY_LIMIT = 2_000;

/** A domain error must fail the Update, not the workflow task (which Temporal would retry forever). */
function applyOrFail(interpreter: CaseInterpreter, event: CaseEvent): Outcome {
  try {
    return interpreter.apply(event);
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}

function assertLegal(interpreter: CaseInterpreter, event: CaseEvent): void {
  const reason = rejectionReason(interpreter.ctx, interpreter.state, event);
  if (reason !== null) throw ApplicationFailure.nonRetryable(reason, 'IllegalAction');
}
