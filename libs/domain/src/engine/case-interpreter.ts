import { SYSTEM_ACTOR } from '../actor';
import { DomainError } from '../domain-error';
import type { CaseEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { apply } from './case-engine';
import { deriveTimers, isClosed, nextTimer } from './finalize';
import { licencesInForce, liveLicences } from './handlers/issued-document.handler';
import type { ProcessContext } from './process-context.types';
import type { Outcome } from './transition.types';

/**
 * Runs one case: every input goes through the reducer, the earliest due timer fires when the
 * case looks at its clock, and the case knows when nothing is left to wait for. The workflow drives it from Updates, Signals and timers;
 * the auditor drives it from the same inputs read back out of Temporal history, so both reach
 * their verdict through this one piece of code.
 */
export class CaseInterpreter {
  constructor(
    private context: ProcessContext,
    private current: CaseState,
  ) {}

  get state(): CaseState {
    return this.current;
  }

  /** The definition and calendar snapshot, and for an older case the engine rules its history shows. */
  get ctx(): ProcessContext {
    return this.context;
  }

  /** Applies an event the rules must accept (an action already validated); throws DomainError otherwise. */
  apply(event: CaseEvent): Outcome {
    const outcome = apply(this.ctx, this.current, event);
    this.current = outcome.state;
    return outcome;
  }

  /** Applies an event if the rules accept it now; otherwise the case stays as it is (a Signal cannot be refused). */
  offer(event: CaseEvent): Outcome | null {
    try {
      return this.apply(event);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  /** The firing of the earliest pending timer, if it is due at `now`. */
  dueTimer(now: string): CaseEvent | undefined {
    const timer = nextTimer(this.current);
    if (!timer || Date.parse(now) < Date.parse(timer.dueAt)) return undefined;
    return { type: 'timer', timerId: timer.id, at: now, actor: SYSTEM_ACTOR };
  }

  /** When the next timer falls due, if any. */
  get nextDueAt(): string | undefined {
    return nextTimer(this.current)?.dueAt;
  }

  /** Nothing left to wait for: closed, no timer still pending (such as an appeal window), no permit in force. */
  get settled(): boolean {
    return isSettled(this.context, this.current);
  }

  /**
   * Settled as cases were before issued permits had a lifecycle: closed, and no timer pending but permits'
   * expiries. Workflows recorded before then ended here, and must still do so when they replay.
   */
  get settledIgnoringLicences(): boolean {
    return isClosed(this.current) && this.current.timers.every((t) => t.kind === 'document-expiry');
  }

  /**
   * A case started before cases recorded their engine rules, settled but for a permit in force: whether it ran
   * under the permit lifecycle from here is a fact of its workflow history (the patch the workflow took then).
   */
  get awaitsHistoricRules(): boolean {
    return (
      this.current.engineRules === undefined &&
      this.context.historicEngineRules === undefined &&
      this.settledIgnoringLicences &&
      licencesInForce(this.current).length > 0
    );
  }

  /** Runs an older case on under the rules its history shows from here on (its timers follow them at once). */
  adoptHistoricRules(rules: number): void {
    this.context = { ...this.context, historicEngineRules: rules };
    this.current = { ...this.current, timers: deriveTimers(this.context, this.current) };
  }
}

export function isSettled(ctx: ProcessContext, state: CaseState): boolean {
  return isClosed(state) && state.timers.length === 0 && liveLicences(ctx, state).length === 0;
}

/** The earliest due date among the active steps: what the work queue and search attributes sort by. */
export function earliestStepDueAt(state: CaseState): string | undefined {
  let earliest: string | undefined;
  for (const step of state.activeSteps) {
    if (step.dueAt && (earliest === undefined || step.dueAt < earliest)) earliest = step.dueAt;
  }
  return earliest;
}

/** The departments that hold an active step of the case. */
export function activeDepartments(state: CaseState): string[] {
  return [...new Set(state.activeSteps.map((s) => s.owner.department))];
}
