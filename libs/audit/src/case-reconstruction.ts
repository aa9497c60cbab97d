import { ISSUED_PERMIT_LIFECYCLE_PATCH, type TransitionBatch } from '@onewindow/contracts';
import {
  CaseEvent,
  CaseInterpreter,
  CaseState,
  ENGINE_RULES,
  Outcome,
  ProcessContext,
  startCase,
  Transition,
} from '@onewindow/domain';
import { canonicalJson } from '@onewindow/persistence';
import { CaseInput, ParsedCase } from './temporal-history';

/** One reducer step of the reconstruction, and the history input that caused it (none for the start). */
export interface ReconstructedStep {
  event: CaseEvent | null;
  cause?: Pick<CaseInput, 'kind' | 'runId' | 'eventId'>;
  transitions: Transition[];
  state: CaseState;
}

export interface Divergence {
  /** The first transition seq concerned, when there is one. */
  seq: number | null;
  message: string;
}

export interface Reconstruction {
  ctx: ProcessContext;
  /** The events the reducer accepted, in order, stamped with the workflow's clock: `replay`/`stateAt` input. */
  events: CaseEvent[];
  steps: ReconstructedStep[];
  state: CaseState;
  /** Where the reducer, fed from Temporal history, disagrees with what the workflow recorded. */
  divergences: Divergence[];
}

/**
 * Re-derives the case from Temporal history alone: the start input, then every accepted Update, Signal
 * and fired timer, each stamped with the workflow's clock at the task that handled it and folded through
 * the domain reducer under the same rules as the workflow (illegal signals are dropped, due timers fire).
 * The result is checked against every batch the workflow asked to record, transition by transition.
 */
export function reconstruct(parsed: ParsedCase): Reconstruction {
  const { submission } = parsed.input;
  const ctx = withHistoricRules(parsed);
  const started = startCase(ctx, submission);
  const steps: ReconstructedStep[] = [{ event: null, transitions: started.transitions, state: started.state }];
  const events: CaseEvent[] = [];
  const divergences: Divergence[] = [];
  const interpreter = new CaseInterpreter(ctx, started.state);

  const accepted = (event: CaseEvent, outcome: Outcome, cause: CaseInput) => {
    events.push(event);
    steps.push({ event, cause: { kind: cause.kind, runId: cause.runId, eventId: cause.eventId }, ...outcome });
  };

  let runIndex = 0;
  for (const input of parsed.inputs) {
    while (parsed.runIds[runIndex] !== input.runId && runIndex < parsed.runIds.length - 1) {
      runIndex += 1;
      checkResume(parsed, parsed.runIds[runIndex], interpreter.state, divergences);
    }
    const at = input.workflowTime;
    if (input.kind === 'update' || input.kind === 'signal') {
      const event = input.event && { ...input.event, at };
      const outcome = event && interpreter.offer(event);
      if (!outcome) continue; // a dropped Signal changes nothing, so the workflow does not look at its timers
      accepted(event, outcome, input);
    }
    // Like the workflow: one due timer per look; the next waits until this one's transitions are recorded.
    const due = interpreter.dueTimer(at);
    const fired = due && interpreter.offer(due);
    if (fired) accepted(due, fired, input);
  }
  for (runIndex += 1; runIndex < parsed.runIds.length; runIndex += 1) {
    checkResume(parsed, parsed.runIds[runIndex], interpreter.state, divergences);
  }

  compareWithRecorded(parsed, steps, divergences);
  return { ctx, events, steps, state: interpreter.state, divergences };
}

/**
 * A case started before cases recorded their engine rules ran under the permit lifecycle if its workflow took the
 * patch that brought it (the code of that time ran every case under it from the start); else under the first rules.
 */
export function withHistoricRules(parsed: ParsedCase): ProcessContext {
  const { ctx, submission } = parsed.input;
  if (submission.engineRules !== undefined || ctx.historicEngineRules !== undefined) return ctx;
  if (!parsed.patches.includes(ISSUED_PERMIT_LIFECYCLE_PATCH)) return ctx;
  return { ...ctx, historicEngineRules: ENGINE_RULES.permitLifecycle };
}

function checkResume(parsed: ParsedCase, runId: string, state: CaseState, divergences: Divergence[]): void {
  const resumed = parsed.resumes.find((r) => r.runId === runId)?.state;
  if (resumed && canonicalJson(resumed) !== canonicalJson(state)) {
    divergences.push({ seq: state.seq, message: `run ${runId} resumed from a state other than the one replayed` });
  }
}

/** Recorded batches and reducer steps that produced transitions must match one to one, in order. */
function compareWithRecorded(parsed: ParsedCase, steps: ReconstructedStep[], divergences: Divergence[]): void {
  const productive = steps.filter((s) => s.transitions.length > 0);
  const count = Math.max(productive.length, parsed.batches.length);
  for (let i = 0; i < count; i += 1) {
    const step = productive[i];
    const recorded = parsed.batches[i]?.batch;
    if (!recorded) {
      // The workflow may not have scheduled the recording yet; only a closed workflow owes it.
      if (parsed.closed !== 'running') {
        divergences.push({
          seq: step.transitions[0].seq,
          message: 'the reducer produces transitions the workflow never recorded',
        });
      }
      return;
    }
    const firstSeq = recorded.transitions[0]?.seq ?? null;
    if (!step) {
      divergences.push({
        seq: firstSeq,
        message: 'the workflow recorded transitions the reducer does not produce from history',
      });
      return;
    }
    const mismatch = firstDifference(step.transitions, ownTransitions(recorded, step.transitions[0].seq));
    if (mismatch !== null) {
      divergences.push({
        seq: mismatch,
        message: `transition ${mismatch} as replayed differs from the one the workflow recorded`,
      });
      return;
    }
    if (canonicalJson(step.state) !== canonicalJson(recorded.state)) {
      const last = recorded.transitions[recorded.transitions.length - 1].seq;
      divergences.push({
        seq: last,
        message: `the state after transition ${last} as replayed differs from the workflow's`,
      });
      return;
    }
  }
}

/** The transitions a batch was scheduled for; it may repeat earlier ones not yet recorded when it was scheduled. */
function ownTransitions(batch: TransitionBatch, firstSeq: number): Transition[] {
  return batch.transitions.filter((t) => t.seq >= firstSeq).map(({ source: _source, ...transition }) => transition);
}

function firstDifference(replayed: Transition[], recorded: Transition[]): number | null {
  for (let i = 0; i < Math.max(replayed.length, recorded.length); i += 1) {
    if (canonicalJson(replayed[i] ?? null) !== canonicalJson(recorded[i] ?? null)) {
      return recorded[i]?.seq ?? replayed[i]?.seq ?? null;
    }
  }
  return null;
}
