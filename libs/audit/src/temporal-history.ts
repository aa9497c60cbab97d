import type { ActionInput, ApprovalWorkflowInput, TransitionBatch } from '@onewindow/contracts';
import type { CaseEvent, CaseState } from '@onewindow/domain';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter, PayloadConverter } from '@temporalio/common';

export type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
export type HistoryEvent = NonNullable<History['events']>[number];
type Payloads = { payloads?: Parameters<PayloadConverter['fromPayload']>[0][] | null } | null | undefined;

/** One run of a case's workflow; continue-as-new makes a chain of runs. */
export interface RunHistory {
  runId: string;
  history: History;
}

/** A recordTransitions activity the workflow scheduled: the batch it asked to record, and where. */
export interface ScheduledBatch {
  runId: string;
  /** Temporal event id of the ActivityTaskScheduled event. */
  eventId: number;
  activityId: string;
  time: string;
  batch: TransitionBatch;
  /** Whether the history shows the activity completed (else it is still pending, or failed). */
  completed: boolean;
}

/**
 * Something the workflow reacted to: an accepted Update, a Signal, a fired timer, or the recording of a
 * timer's transitions (the workflow looks for the next due timer only once the last one is recorded).
 */
export interface CaseInput {
  kind: 'update' | 'signal' | 'timer' | 'recorded';
  runId: string;
  eventId: number;
  /** The workflow's clock when it handled the input (the start of that workflow task). */
  workflowTime: string;
  /** Index of the workflow task that handled it, for ordering. */
  task: number;
  event?: CaseEvent;
  source?: ActionInput['source'];
  updateId?: string;
  identity?: string;
}

export interface ParsedCase {
  workflowId: string;
  runIds: string[];
  input: ApprovalWorkflowInput;
  /** Input of each run after the first (continue-as-new carries the state in `resume`). */
  resumes: { runId: string; state: CaseState | undefined }[];
  batches: ScheduledBatch[];
  inputs: CaseInput[];
  /** The workflow's final state, when its last run completed. */
  result?: CaseState;
  closed: 'running' | 'completed' | 'failed' | 'terminated' | 'canceled' | 'timed-out' | 'continued';
  /** The task queue of its latest run: where a worker must poll to answer a query. */
  taskQueue: string;
  /** The patches (`patched()` ids) the workflow took in any run: which code paths its history follows. */
  patches: string[];
}

/** Fetches every run of the workflow, oldest first, by following continue-as-new links back from the latest. */
export async function fetchRuns(client: Client, workflowId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  let runId: string | undefined;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const thisRun = runId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
    runs.unshift({ runId: thisRun, history });
    runId = started?.continuedExecutionRunId || undefined;
    if (!runId) return runs;
  }
}

export function eventTime(event: HistoryEvent): string {
  const t = event.eventTime;
  if (!t) return new Date(0).toISOString();
  return new Date(Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

/** `activityTaskScheduledEventAttributes` -> `ActivityTaskScheduled`. */
export function eventTypeName(event: HistoryEvent): string {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes') && event[k as keyof HistoryEvent]);
  if (!key) return `Event${String(event.eventType)}`;
  const name = key.slice(0, -'EventAttributes'.length);
  return name[0].toUpperCase() + name.slice(1);
}

export function firstArg<T>(payloads: Payloads, converter: PayloadConverter = defaultPayloadConverter): T | undefined {
  const first = payloads?.payloads?.[0];
  return first ? converter.fromPayload<T>(first) : undefined;
}

/** Reads what an auditor needs from the raw histories: inputs handled, batches recorded, the outcome. */
export function parseCase(
  workflowId: string,
  runs: readonly RunHistory[],
  converter: PayloadConverter = defaultPayloadConverter,
): ParsedCase {
  const batches: ScheduledBatch[] = [];
  const inputs: CaseInput[] = [];
  const resumes: ParsedCase['resumes'] = [];
  let input: ApprovalWorkflowInput | undefined;
  let result: CaseState | undefined;
  let closed: ParsedCase['closed'] = 'running';
  let taskQueue = '';
  let task = 0;
  const patches = new Set<string>();

  for (const { runId, history } of runs) {
    const events = history.events ?? [];
    const byScheduled = new Map<number, ScheduledBatch>();
    // Signals and fired timers reach the workflow in the next workflow task that completes; Updates are
    // accepted by the current one. A task that times out or fails hands everything it saw to the next
    // attempt, so an input belongs to the completed task, with that task's start as the workflow's clock.
    const waiting: CaseInput[] = [];
    let taskTime = events[0] ? eventTime(events[0]) : new Date(0).toISOString();
    // How many waiting inputs the last started workflow task saw (later ones arrived while it ran).
    let seenByStartedTask = 0;
    for (const event of events) {
      const eventId = Number(event.eventId);
      const time = eventTime(event);
      if (event.workflowExecutionStartedEventAttributes) {
        taskQueue = event.workflowExecutionStartedEventAttributes.taskQueue?.name ?? taskQueue;
        const args = firstArg<ApprovalWorkflowInput>(event.workflowExecutionStartedEventAttributes.input, converter);
        if (!input && args) input = { ...args, resume: undefined };
        else resumes.push({ runId, state: args?.resume });
      } else if (event.workflowTaskStartedEventAttributes) {
        taskTime = time;
        seenByStartedTask = waiting.length;
      } else if (event.workflowTaskCompletedEventAttributes) {
        task += 1;
        for (const w of waiting.splice(0, seenByStartedTask)) inputs.push({ ...w, workflowTime: taskTime, task });
        seenByStartedTask = 0;
      } else if (event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes) {
        seenByStartedTask = 0;
      } else if (event.workflowExecutionSignaledEventAttributes) {
        const a = event.workflowExecutionSignaledEventAttributes;
        if (a.signalName !== 'externalEvent') continue;
        const received = firstArg<CaseEvent>(a.input, converter);
        waiting.push({
          kind: 'signal',
          runId,
          eventId,
          workflowTime: time,
          task,
          event: received,
          identity: a.identity ?? undefined,
        });
      } else if (event.timerFiredEventAttributes) {
        waiting.push({ kind: 'timer', runId, eventId, workflowTime: time, task });
      } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest;
        if (request?.input?.name !== 'act') continue;
        const action = firstArg<ActionInput>(request.input.args, converter);
        inputs.push({
          kind: 'update',
          runId,
          eventId,
          workflowTime: taskTime,
          task,
          event: action?.event,
          source: action?.source,
          updateId: request.meta?.updateId ?? undefined,
          identity: request.meta?.identity ?? undefined,
        });
      } else if (event.activityTaskScheduledEventAttributes) {
        const a = event.activityTaskScheduledEventAttributes;
        if (a.activityType?.name !== 'recordTransitions') continue;
        const batch = firstArg<TransitionBatch>(a.input, converter);
        if (!batch) continue;
        const scheduled = { runId, eventId, activityId: a.activityId ?? '', time, batch, completed: false };
        byScheduled.set(eventId, scheduled);
        batches.push(scheduled);
      } else if (event.activityTaskCompletedEventAttributes) {
        const scheduled = byScheduled.get(Number(event.activityTaskCompletedEventAttributes.scheduledEventId));
        if (scheduled) scheduled.completed = true;
        if (scheduled?.batch.source === 'timer')
          waiting.push({ kind: 'recorded', runId, eventId, workflowTime: time, task });
      } else if (event.markerRecordedEventAttributes?.markerName === PATCH_MARKER) {
        const patch = firstArg<{ id?: string }>(event.markerRecordedEventAttributes.details?.[PATCH_DATA], converter);
        if (patch?.id) patches.add(patch.id);
      } else if (event.workflowExecutionCompletedEventAttributes) {
        result = firstArg<CaseState>(event.workflowExecutionCompletedEventAttributes.result, converter);
        closed = 'completed';
      } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
        closed = 'continued';
      } else if (event.workflowExecutionFailedEventAttributes) {
        closed = 'failed';
      } else if (event.workflowExecutionTerminatedEventAttributes) {
        closed = 'terminated';
      } else if (event.workflowExecutionCanceledEventAttributes) {
        closed = 'canceled';
      } else if (event.workflowExecutionTimedOutEventAttributes) {
        closed = 'timed-out';
      }
    }
    if (closed === 'continued' && runId !== runs[runs.length - 1].runId) closed = 'running';
  }
  if (!input) throw new Error(`The history of ${workflowId} has no start event`);
  // Within one workflow task the SDK handles Signals and Updates first, then fired timers and completed activities.
  inputs.sort((a, b) => a.task - b.task || rank(a) - rank(b) || a.eventId - b.eventId);
  return {
    workflowId,
    runIds: runs.map((r) => r.runId),
    input,
    resumes,
    batches,
    inputs,
    result,
    closed,
    taskQueue,
    patches: [...patches],
  };
}

/** How the SDK records `patched()` in history: a marker whose details carry `{ id, deprecated }`. */
const PATCH_MARKER = 'core_patch';
const PATCH_DATA = 'patch-data';

const rank = (input: CaseInput): number => (input.kind === 'timer' || input.kind === 'recorded' ? 1 : 0);
