import { actUpdate, approvalWorkflowId, caseStateQuery, externalEventSignal } from '@onewindow/contracts';
import {
  Actor,
  builtInCalendar,
  CaseEvent,
  CaseState,
  CURRENT_ENGINE_RULES,
  Duration,
  ProcessContext,
  ProcessDefinition,
  Submission,
} from '@onewindow/domain';
import { TransitionEntity } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { eventually, TestEnv } from './test-env';

export type EventDraft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at'> : never) : never;

export const applicant: Actor = { id: 'acme-battery', role: 'applicant' };
export const supervisor: Actor = { id: 'supervisor', role: 'supervisor' };
export const clerk = (department: string): Actor => ({ id: `clerk-${department}`, role: 'clerk', department });

export function contextOf(definition: ProcessDefinition): ProcessContext {
  const calendar = builtInCalendar(definition.jurisdiction);
  if (!calendar) throw new Error(`no calendar ${definition.jurisdiction}`);
  return { definition, calendar };
}

/** A submission as the API makes one now: under the engine's current rules. */
export function submissionOf(requestId: string, attributes: Submission['attributes'] = {}): Submission {
  return { requestId, applicant, attributes, at: new Date().toISOString(), engineRules: CURRENT_ENGINE_RULES };
}

/** One request's workflow on the real server, driven the way the API drives it. */
export class CaseRun {
  constructor(
    private readonly env: TestEnv,
    readonly requestId: string,
    readonly handle: WorkflowHandle<typeof approvalWorkflow>,
  ) {}

  static async start(
    env: TestEnv,
    ctx: ProcessContext,
    attributes: Record<string, string | number | boolean> = {},
    requestId = randomUUID(),
  ): Promise<CaseRun> {
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      args: [{ ctx, submission: submissionOf(requestId, attributes), title: 'Test case' }],
    });
    return new CaseRun(env, requestId, handle);
  }

  /** Sends the action as the API does, and answers the workflow's whole state once it is recorded. */
  async act(event: EventDraft): Promise<CaseState> {
    const stamped = { ...event, at: new Date().toISOString() };
    await this.handle.executeUpdate(actUpdate, { args: [{ event: stamped, source: 'api' }] });
    return this.state();
  }

  signal(event: EventDraft): Promise<void> {
    return this.handle.signal(externalEventSignal, { ...event, at: new Date().toISOString() });
  }

  state(): Promise<CaseState> {
    return this.handle.query(caseStateQuery);
  }

  activeStepIds(state: CaseState): string[] {
    return state.activeSteps.map((s) => s.stepId).sort();
  }

  /** Waits until the workflow's state satisfies `predicate` (timers fire on the server's clock). */
  waitFor(predicate: (state: CaseState) => boolean, what: string, timeoutMs = 30_000): Promise<CaseState> {
    return eventually(
      async () => {
        const state = await this.state();
        return predicate(state) ? state : undefined;
      },
      what,
      timeoutMs,
    );
  }

  /** Waits until a transition with this event is recorded in PostgreSQL, and returns it. */
  recorded(event: string, stepId?: string, timeoutMs = 30_000): Promise<TransitionEntity> {
    return eventually(
      async () =>
        (await this.transitions()).find((t) => t.event === event && (stepId === undefined || t.stepId === stepId)),
      `transition ${event}${stepId ? ` on ${stepId}` : ''} to be recorded`,
      timeoutMs,
    );
  }

  transitions(): Promise<TransitionEntity[]> {
    return this.env.db
      .getRepository(TransitionEntity)
      .find({ where: { requestId: this.requestId }, order: { seq: 'ASC' } });
  }
}

/**
 * A copy of a definition whose every duration is `seconds` long, so timer-driven mechanisms run
 * on the real server in seconds. Attribute-based duration rules are dropped with the days they set.
 */
export function inSeconds(
  definition: ProcessDefinition,
  seconds: number,
  version = definition.version,
): ProcessDefinition {
  const fast: Duration = { value: seconds, unit: 'seconds' };
  const retime = <T extends { duration?: Duration; durationRules?: unknown }>(x: T): T => {
    const rest = { ...x };
    delete rest.durationRules;
    return x.duration ? { ...rest, duration: fast } : rest;
  };
  return {
    ...definition,
    version,
    ...(definition.caseClock ? { caseClock: retime(definition.caseClock) } : {}),
    ...(definition.appeal ? { appeal: { ...definition.appeal, window: fast } } : {}),
    steps: definition.steps.map((step) => {
      const retimed = retime(step);
      if (retimed.kind === 'parallel') return { ...retimed, members: retimed.members.map(retime) };
      return retimed.missingDocuments
        ? { ...retimed, missingDocuments: { ...retimed.missingDocuments, deadline: fast } }
        : retimed;
    }),
  };
}
