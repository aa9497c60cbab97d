import type { ActionInput, TransitionBatch } from '@onewindow/contracts';
import type { CaseEvent } from '@onewindow/domain';
import type { TransitionEntity } from '@onewindow/persistence';
import { eventTime, eventTypeName, firstArg, RunHistory } from './temporal-history';

/** One line of a case's audit timeline: a Temporal history event, or a transition recorded in the log. */
export interface TimelineEntry {
  at: string;
  source: 'temporal' | 'log';
  runId: string | null;
  /** Temporal event id; for a recorded transition, the event that scheduled its recording. */
  eventId: number | null;
  type: string;
  seq: number | null;
  summary: string;
}

const TASK_EVENTS = new Set(['WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted']);

/**
 * Merges the histories of every run with the log: each recorded transition follows the Temporal event
 * that scheduled its recording; a transition no history event asked for is listed at the end.
 */
export function buildTimeline(
  runs: readonly RunHistory[],
  rows: readonly TransitionEntity[],
  { full = false }: { full?: boolean } = {},
): TimelineEntry[] {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const placed = new Set<number>();
  const entries: TimelineEntry[] = [];
  for (const { runId, history } of runs) {
    for (const event of history.events ?? []) {
      const type = eventTypeName(event);
      if (!full && TASK_EVENTS.has(type)) continue;
      const eventId = Number(event.eventId);
      entries.push({
        at: eventTime(event),
        source: 'temporal',
        runId,
        eventId,
        type,
        seq: null,
        summary: summarise(event),
      });
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name !== 'recordTransitions') continue;
      for (const t of firstArg<TransitionBatch>(scheduled.input)?.transitions ?? []) {
        const row = bySeq.get(t.seq);
        if (!row || placed.has(t.seq)) continue;
        placed.add(t.seq);
        entries.push(logEntry(row, runId, eventId));
      }
    }
  }
  for (const row of rows)
    if (!placed.has(row.seq)) entries.push({ ...logEntry(row, row.runId, null), type: 'transition (not in history)' });
  return entries;
}

function logEntry(row: TransitionEntity, runId: string, eventId: number | null): TimelineEntry {
  const actor = `${row.actorId} (${row.actorRole}${row.actorDepartment ? `, ${row.actorDepartment}` : ''})`;
  const what = [row.stepId ?? 'case', `${row.fromState} -> ${row.toState}`, row.outcome && `outcome ${row.outcome}`]
    .filter(Boolean)
    .join(' ');
  return {
    at: new Date(row.occurredAt).toISOString(),
    source: 'log',
    runId,
    eventId,
    type: row.event,
    seq: row.seq,
    summary: `#${row.seq} ${row.event}: ${what} by ${actor} via ${row.source}`,
  };
}

type HistoryEventOf = Parameters<typeof eventTypeName>[0];

function summarise(event: HistoryEventOf): string {
  const a = event;
  if (a.workflowExecutionStartedEventAttributes)
    return `workflow ${a.workflowExecutionStartedEventAttributes.workflowType?.name ?? ''} started`;
  if (a.workflowExecutionUpdateAcceptedEventAttributes) {
    const request = a.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest;
    const action = firstArg<ActionInput>(request?.input?.args);
    return `update ${request?.input?.name ?? '?'} ${describeEvent(action?.event)} accepted (id ${request?.meta?.updateId ?? '?'})`;
  }
  if (a.workflowExecutionUpdateCompletedEventAttributes) {
    const outcome = a.workflowExecutionUpdateCompletedEventAttributes.outcome;
    return `update ${a.workflowExecutionUpdateCompletedEventAttributes.meta?.updateId ?? '?'} ${outcome?.failure ? `failed: ${outcome.failure.message ?? ''}` : 'completed'}`;
  }
  if (a.workflowExecutionSignaledEventAttributes) {
    const s = a.workflowExecutionSignaledEventAttributes;
    return `signal ${s.signalName ?? '?'} ${describeEvent(firstArg<CaseEvent>(s.input))}`;
  }
  if (a.timerStartedEventAttributes) return `timer ${a.timerStartedEventAttributes.timerId ?? ''} started`;
  if (a.timerFiredEventAttributes) return `timer ${a.timerFiredEventAttributes.timerId ?? ''} fired`;
  if (a.timerCanceledEventAttributes) return `timer ${a.timerCanceledEventAttributes.timerId ?? ''} canceled`;
  if (a.activityTaskScheduledEventAttributes) {
    const s = a.activityTaskScheduledEventAttributes;
    const seqs = (firstArg<TransitionBatch>(s.input)?.transitions ?? []).map((t) => t.seq);
    const range = seqs.length > 0 ? ` seq ${seqs[0]}..${seqs[seqs.length - 1]}` : '';
    return `activity ${s.activityType?.name ?? '?'} scheduled${range}`;
  }
  if (a.activityTaskStartedEventAttributes)
    return `activity started (attempt ${a.activityTaskStartedEventAttributes.attempt ?? 1})`;
  if (a.activityTaskCompletedEventAttributes)
    return `activity completed (scheduled ${String(a.activityTaskCompletedEventAttributes.scheduledEventId)})`;
  if (a.activityTaskFailedEventAttributes)
    return `activity failed: ${a.activityTaskFailedEventAttributes.failure?.message ?? ''}`;
  if (a.upsertWorkflowSearchAttributesEventAttributes) return 'search attributes updated';
  if (a.workflowExecutionCompletedEventAttributes) return 'workflow completed';
  if (a.workflowExecutionContinuedAsNewEventAttributes)
    return `continued as new run ${a.workflowExecutionContinuedAsNewEventAttributes.newExecutionRunId ?? ''}`;
  return eventTypeName(event);
}

function describeEvent(event: CaseEvent | undefined): string {
  if (!event) return '';
  const step = 'stepId' in event && event.stepId ? ` ${event.stepId}` : '';
  const outcome = 'outcome' in event ? ` ${event.outcome}` : '';
  return `${event.type}${step}${outcome} by ${event.actor?.id ?? '?'}`;
}
