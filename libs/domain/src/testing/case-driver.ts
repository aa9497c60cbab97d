import type { Actor } from '../actor';
import { builtInCalendar } from '../calendar/calendars';
import type { ProcessDefinition } from '../definition/process-definition.types';
import type { CaseEvent } from '../engine/case-event.types';
import type { CaseState } from '../engine/case-state.types';
import { apply, startCase } from '../engine/case-engine';
import { CURRENT_ENGINE_RULES } from '../engine/engine-rules';
import type { ProcessContext, Submission } from '../engine/process-context.types';
import type { Transition } from '../engine/transition.types';

/** Spec helper: runs a case event by event and keeps every transition, like the workflow does. */
export class CaseDriver {
  readonly events: CaseEvent[] = [];
  readonly transitions: Transition[] = [];
  state: CaseState;
  last: Transition[];

  constructor(
    readonly ctx: ProcessContext,
    readonly submission: Submission,
  ) {
    const outcome = startCase(ctx, submission);
    this.state = outcome.state;
    this.last = outcome.transitions;
    this.transitions.push(...outcome.transitions);
  }

  static for(definition: ProcessDefinition, attributes: Submission['attributes'] = {}, at = '2026-03-02T09:00:00Z') {
    const calendar = builtInCalendar(definition.jurisdiction);
    if (!calendar) throw new Error(`no calendar ${definition.jurisdiction}`);
    const submission = { requestId: 'req-1', applicant: applicant, attributes, at, engineRules: CURRENT_ENGINE_RULES };
    return new CaseDriver({ definition, calendar }, submission);
  }

  send(event: CaseEvent): this {
    const outcome = apply(this.ctx, this.state, event);
    this.events.push(event);
    this.state = outcome.state;
    this.last = outcome.transitions;
    this.transitions.push(...outcome.transitions);
    return this;
  }

  decide(stepId: string, outcome: string, at: string, actor?: Actor, extra: Partial<CaseEvent> = {}): this {
    const by = actor ?? clerkFor(this.state.activeSteps.find((a) => a.stepId === stepId)?.owner.department ?? '');
    return this.send({ type: 'decide', stepId, outcome, at, actor: by, ...extra } as CaseEvent);
  }

  /** Fires the earliest pending timer at its due time. */
  fireNextTimer(): this {
    const timer = this.state.timers[0];
    if (!timer) throw new Error('no pending timer');
    return this.send({ type: 'timer', timerId: timer.id, at: timer.dueAt, actor: system });
  }

  active(): string[] {
    return this.state.activeSteps.map((a) => a.stepId).sort();
  }

  step(stepId: string) {
    const step = this.state.activeSteps.find((a) => a.stepId === stepId);
    if (!step) throw new Error(`step ${stepId} is not active`);
    return step;
  }
}

export const applicant: Actor = { id: 'acme-gmbh', role: 'applicant', name: 'ACME GmbH' };
export const system: Actor = { id: 'system', role: 'system' };

export function clerkFor(department: string, id = `${department}-clerk`): Actor {
  return { id, role: 'clerk', department };
}

export function supervisorFor(department: string, id = `${department}-supervisor`): Actor {
  return { id, role: 'supervisor', department };
}
