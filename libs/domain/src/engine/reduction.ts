import type { Actor } from '../actor';
import { DomainError } from '../domain-error';
import { findStep, type IndexedStep } from '../definition/definition-index';
import type { ActiveStep, CaseState } from './case-state.types';
import { pauseClock, resumeClock } from './clock';
import type { ProcessContext } from './process-context.types';
import type { Transition } from './transition.types';

export type TransitionInput = Omit<Transition, 'seq' | 'at' | 'actor'> & { actor?: Actor };

/** One event being applied: the mutable draft state and the transitions it produced, in order. */
export class Reduction {
  readonly transitions: Transition[] = [];

  constructor(
    readonly ctx: ProcessContext,
    readonly state: CaseState,
    readonly at: string,
    readonly actor: Actor,
    /** The transition name for status changes this event causes (e.g. 'withdrawn', 'decided'). */
    public cause: string,
  ) {}

  /** Where clocks started by this event count from (a back-dated deemed outcome moves it to receipt). */
  clockFrom?: string;

  /** The calendar the case runs on: the latest revision it was sent, else the snapshot it started with. */
  get calendar() {
    return this.state.calendar ?? this.ctx.calendar;
  }

  /** The instant new clocks count from. */
  get clockStart(): string {
    return this.clockFrom ?? this.at;
  }

  emit(input: TransitionInput): void {
    this.state.seq += 1;
    const { actor, ...rest } = input;
    this.transitions.push({ seq: this.state.seq, ...rest, actor: actor ?? this.actor, at: this.at });
  }

  definitionOf(stepId: string): IndexedStep {
    const entry = findStep(this.ctx.definition, stepId);
    if (!entry) throw new DomainError('STEP_NOT_ACTIVE', `step '${stepId}' does not exist in ${this.definitionName()}`);
    return entry;
  }

  activeStep(stepId: string): ActiveStep {
    const active = this.state.activeSteps.find((a) => a.stepId === stepId);
    if (active) return active;
    this.definitionOf(stepId);
    throw new DomainError('STEP_NOT_ACTIVE', `step '${stepId}' is not active`, { stepId });
  }

  groupOf(active: ActiveStep): ActiveStep | undefined {
    return active.groupId === undefined ? undefined : this.state.activeSteps.find((a) => a.stepId === active.groupId);
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

  private definitionName(): string {
    return `definition '${this.ctx.definition.key}' v${this.ctx.definition.version}`;
  }
}
