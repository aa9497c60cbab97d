import type { Actor } from '../actor';
import { Refusal } from '../domain-error';
import { findStep, type IndexedStep } from '../definition/definition-index';
import type { ActiveStep, CaseState } from './case-state.types';
import { pauseClock, resumeClock } from './clock';
import type { ProcessContext } from './process-context.types';
import type { Transition } from './transition.types';

export type TransitionInput = Omit<Transition, 'seq' | 'at' | 'actor'> & { actor?: Actor };

/**
 * What the rules of one event read: the case as it is, the definition, and the event's moment and actor. A
 * check only reads through it; a Reduction is the same view over the draft an event changes.
 */
export class CaseView {
  constructor(
    readonly ctx: ProcessContext,
    readonly state: CaseState,
    readonly at: string,
    readonly actor: Actor,
  ) {}

  /** The calendar the case runs on: the latest revision it was sent, else the snapshot it started with. */
  get calendar() {
    return this.state.calendar ?? this.ctx.calendar;
  }

  findActive(stepId: string): ActiveStep | undefined {
    return this.state.activeSteps.find((a) => a.stepId === stepId);
  }

  /** Why an event naming a step that is not active is refused: the step is not active, or does not exist. */
  notActive(stepId: string): Refusal {
    if (!findStep(this.ctx.definition, stepId)) {
      return new Refusal('STEP_NOT_ACTIVE', `step '${stepId}' does not exist in ${this.definitionName()}`);
    }
    return new Refusal('STEP_NOT_ACTIVE', `step '${stepId}' is not active`, { stepId });
  }

  groupOf(active: ActiveStep): ActiveStep | undefined {
    return active.groupId === undefined ? undefined : this.state.activeSteps.find((a) => a.stepId === active.groupId);
  }

  private definitionName(): string {
    return `definition '${this.ctx.definition.key}' v${this.ctx.definition.version}`;
  }
}

/** One event being applied: the mutable draft state and the transitions it produced, in order. */
export class Reduction extends CaseView {
  readonly transitions: Transition[] = [];

  constructor(
    ctx: ProcessContext,
    state: CaseState,
    at: string,
    actor: Actor,
    /** The transition name for status changes this event causes (e.g. 'withdrawn', 'decided'). */
    public cause: string,
  ) {
    super(ctx, state, at, actor);
  }

  /** Where clocks started by this event count from (a back-dated deemed outcome moves it to receipt). */
  clockFrom?: string;

  /** The instant new clocks count from. */
  get clockStart(): string {
    return this.clockFrom ?? this.at;
  }

  emit(input: TransitionInput): void {
    this.state.seq += 1;
    const { actor, ...rest } = input;
    this.transitions.push({ seq: this.state.seq, ...rest, actor: actor ?? this.actor, at: this.at });
  }

  /** A step of the definition; the event's check made sure it exists. */
  definitionOf(stepId: string): IndexedStep {
    const entry = findStep(this.ctx.definition, stepId);
    if (!entry) throw this.notActive(stepId).toError();
    return entry;
  }

  /** An active step; the event's check made sure it is. */
  activeStep(stepId: string): ActiveStep {
    const active = this.findActive(stepId);
    if (!active) throw this.notActive(stepId).toError();
    return active;
  }

  /** Stops the case's statutory clock for `reason` (no-op before the clock starts). */
  pauseCaseClock(reason: string): void {
    const clock = this.state.caseClock;
    if (clock && pauseClock(this.calendar, clock, reason, this.at)) {
      this.emit(this.caseClockTransition('clock.paused', reason));
    }
  }

  resumeCaseClock(reason: string): void {
    const clock = this.state.caseClock;
    if (clock && resumeClock(this.calendar, clock, reason, this.at)) {
      this.emit({ ...this.caseClockTransition('clock.resumed', reason), data: { reason, dueAt: clock.dueAt } });
    }
  }

  private caseClockTransition(event: string, reason: string): TransitionInput {
    return { stepId: null, event, fromState: this.state.status, toState: this.state.status, data: { reason } };
  }
}
