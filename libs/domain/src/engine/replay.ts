import { parseInstant } from '../calendar/working-calendar';
import type { CaseEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { apply, startCase } from './case-engine';
import type { ProcessContext, Submission } from './process-context.types';
import type { Outcome } from './transition.types';

/** Folds recorded events into the case state; throws DomainError at the first event that was not legal. */
export function replay(ctx: ProcessContext, submission: Submission, events: CaseEvent[]): CaseState {
  return replayWithTransitions(ctx, submission, events).state;
}

/** Like replay, also returning every transition, for checking against the recorded log. */
export function replayWithTransitions(ctx: ProcessContext, submission: Submission, events: CaseEvent[]): Outcome {
  let outcome = startCase(ctx, submission);
  const transitions = [...outcome.transitions];
  for (const event of events) {
    outcome = apply(ctx, outcome.state, event);
    transitions.push(...outcome.transitions);
  }
  return { state: outcome.state, transitions };
}

/** A point in a case's history: after transition `seq`, or as of an instant. */
export type HistoryPoint = { seq: number } | { at: string };

/**
 * The state of a case at a moment in its history. For `{ seq }` it is the state after the event that
 * produced transition `seq` (events produce transitions in groups); for `{ at }` it includes every event at
 * or before that instant.
 */
export function stateAt(
  ctx: ProcessContext,
  submission: Submission,
  events: CaseEvent[],
  point: HistoryPoint,
): CaseState {
  let state = startCase(ctx, submission).state;
  if ('seq' in point && state.seq >= point.seq) return state;
  if ('at' in point && parseInstant(submission.at) > parseInstant(point.at)) return state;
  for (const event of events) {
    if ('at' in point && parseInstant(event.at) > parseInstant(point.at)) break;
    state = apply(ctx, state, event).state;
    if ('seq' in point && state.seq >= point.seq) break;
  }
  return state;
}
