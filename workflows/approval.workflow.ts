import {
  ActionInput,
  ActionReceipt,
  actUpdate,
  ApprovalWorkflowInput,
  caseStateQuery,
  externalEventSignal,
  searchAttributes as attributeKeys,
} from '@onewindow/contracts';
import type { RecordActivities } from '@onewindow/contracts';
import type { BatchedTransition, TransitionBatch, TransitionSource } from '@onewindow/persistence';
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
  Transition,
} from '@onewindow/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';

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
  let state: CaseState = input.resume ?? started!.state;
  const log = new TransitionRecorder({ request, workflowId, runId }, patched(RECORD_IN_PARALLEL));
  let changes = 0;

  const commit = (outcome: Outcome, source: TransitionSource): Promise<unknown> => {
    state = outcome.state;
    changes += 1;
    searchAttributes.publish(state);
    return log.record(state, outcome.transitions, source);
  };

  // Recorded first: an Update buffered before the workflow started runs as soon as its handler is set.
  const initialRecording = started ? commit(started, 'api') : Promise.resolve();

  setHandler(caseStateQuery, () => state);
  setHandler(
    actUpdate,
    async ({ event, source }) => {
      const outcome = applyOrFail(ctx, state, stamped(event));
      await commit(outcome, source);
      return receiptOf(outcome.state);
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
    if (timer && Date.now() >= Date.parse(timer.dueAt)) {
      const event: CaseEvent = { type: 'timer', timerId: timer.id, at: new Date().toISOString(), actor: SYSTEM };
      await commit(apply(ctx, state, event), 'timer');
      continue;
    }
    alarm.set(timer?.dueAt);
    const seen = changes;
    await condition(() => changes !== seen || alarm.rang || continueAsNewDue());
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await log.settled();
      await continueAsNew<typeof approvalWorkflow>({ ...input, resume: state });
    }
  }
  alarm.set(undefined);

  await condition(allHandlersFinished);
  await log.settled();
  return state;
}

function receiptOf(state: CaseState): ActionReceipt {
  return { status: state.status, seq: state.seq, activeSteps: state.activeSteps.map((s) => s.stepId) };
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

/**
 * Sends committed transitions to the log. Each batch carries every transition not yet known to be
 * recorded, so batches run side by side: whichever reaches the database first records them all, in
 * order, and the others find them there. A decision answers as soon as its own batch is recorded
 * instead of queueing behind the recordings of the decisions made together with it. Runs begun
 * before the RECORD_IN_PARALLEL patch recorded one batch after another, and still do on replay.
 */
class TransitionRecorder {
  private unrecorded: BatchedTransition[] = [];
  private all: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly origin: Pick<TransitionBatch, 'request' | 'workflowId' | 'runId'>,
    private readonly parallel: boolean,
  ) {}

  /** Resolves when `transitions`, and every transition committed before them, are recorded. */
  record(state: CaseState, transitions: Transition[], source: TransitionSource): Promise<unknown> {
    if (transitions.length === 0) return this.all;
    if (!this.parallel) {
      const batch = { ...this.origin, source, state, transitions };
      this.all = this.all.then(() => recordTransitions(batch));
      return this.all;
    }
    this.unrecorded.push(...transitions.map((t) => ({ ...t, source })));
    const batch = { ...this.origin, source, state, transitions: [...this.unrecorded] };
    const lastSeq = transitions[transitions.length - 1].seq;
    const recorded = recordTransitions(batch).then(() => {
      this.unrecorded = this.unrecorded.filter((t) => t.seq > lastSeq);
    });
    this.all = Promise.all([this.all, recorded]);
    return recorded;
  }

  /** Resolves when everything committed so far is recorded. */
  settled(): Promise<unknown> {
    return this.all;
  }
}

/** The patch that made batches carry every unrecorded transition and run side by side. */
const RECORD_IN_PARALLEL = 'record-in-parallel';

/** Long-running cases continue as new well before Temporal's history limits. */
const DEFAULT_HISTORY_LIMIT = 2_000;

/**
 * One durable timer for the earliest deadline, moved only when that deadline moves, so actions
 * that leave the deadline alone add no timer events to the history.
 */
class Alarm {
  private current?: { dueAt: string; scope: CancellationScope; rang: boolean };

  get rang(): boolean {
    return this.current?.rang ?? false;
  }

  set(dueAt: string | undefined): void {
    if (this.current && this.current.dueAt === dueAt && !this.current.rang) return;
    this.current?.scope.cancel();
    this.current = undefined;
    if (dueAt === undefined) return;
    const armed = { dueAt, scope: new CancellationScope(), rang: false };
    void armed.scope
      .run(() => sleep(Math.max(1, Date.parse(dueAt) - Date.now())))
      .then(
        () => (armed.rang = true),
        () => undefined, // cancelled because the deadline moved
      );
    this.current = armed;
  }
}

/** Upserts the case's search attributes only when one of them changed. */
class SearchAttributePublisher {
  private last = '';

  publish(state: CaseState): void {
    const due = state.activeSteps.map((s) => s.dueAt).filter((d): d is string => typeof d === 'string');
    const values = {
      requestType: state.requestType,
      status: state.status,
      jurisdiction: state.jurisdiction,
      currentSteps: state.activeSteps.map((s) => s.stepId),
      departments: [...new Set(state.activeSteps.map((s) => s.owner.department))],
      nextDueAt: due.length > 0 ? due.sort()[0] : null,
    };
    const fingerprint = JSON.stringify(values);
    if (fingerprint === this.last) return;
    this.last = fingerprint;
    upsertSearchAttributes([
      { key: attributeKeys.requestType, value: values.requestType },
      { key: attributeKeys.status, value: values.status },
      { key: attributeKeys.jurisdiction, value: values.jurisdiction },
      { key: attributeKeys.currentSteps, value: values.currentSteps },
      { key: attributeKeys.departments, value: values.departments },
      { key: attributeKeys.nextDueAt, value: values.nextDueAt ? new Date(values.nextDueAt) : null },
    ]);
  }
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
