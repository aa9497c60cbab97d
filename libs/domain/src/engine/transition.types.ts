import type { Actor } from '../actor';
import type { RecordedCondition } from '../documents/issued-document.types';
import type { CaseState } from './case-state.types';

export interface Transition {
  /** 1, 2, 3… per request, continuing from `state.seq`. */
  seq: number;
  /** null for case-level transitions (status changes, clocks, notices). */
  stepId: string | null;
  /** What happened, e.g. 'submitted', 'decided', 'timer.deemed-complete', 'withdrawn'. */
  event: string;
  /** Step state, or case status when `stepId` is null. */
  fromState: string;
  toState: string;
  actor: Actor;
  outcome?: string;
  reason?: string;
  conditions?: RecordedCondition[];
  at: string;
  data?: Record<string, unknown>;
}

export interface Outcome {
  state: CaseState;
  transitions: Transition[];
}
