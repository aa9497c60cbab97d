import { ActionInput, actUpdate, caseStateQuery } from '@onewindow/contracts';
import { Actor, CaseEvent, CaseState, checkEvent, DomainError, findStep } from '@onewindow/domain';
import { RequestEntity, RequestRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { StaffDirectory } from '../../core/auth/staff-directory.service';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { toApiError } from '../../core/errors/all-exceptions.filter';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { outageOf } from '../../core/errors/dependency-outage';
import { markIdempotentReplay } from '../../core/idempotency/idempotent-replay';
import { MetricsService } from '../../core/observability/metrics.service';
import type { CaseTarget } from './case-action.decorators';
import { RequestDetailView } from './request.views';
import { now, RequestsService } from './requests.service';

/** An action as the API builds it; the actor and the time are added when it is sent. */
export type ActionDraft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'actor'> : never) : never;

/** What a refused caller learns about where the request stands now. */
export interface CurrentState {
  status: string;
  seq: number;
  currentSteps: Array<{
    stepId: string;
    state: string;
    assignee: string | null;
    /** Who holds the step, by name, so the refused caller reads a person rather than an id. */
    assigneeName: string | null;
    dueAt: string | null;
  }>;
}

/** How long a refused action waits for the workflow's own view of the state before using the read model's. */
const STATE_QUERY_TIMEOUT_MS = 2000;

/**
 * Sends clerk and applicant actions, and external facts, to a request's workflow as Updates. The
 * reducer checks every action here first, against the read model, for a fast answer; the workflow's
 * Update validator decides, against the state after every earlier action.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly temporal: Client,
    private readonly requests: RequestsService,
    private readonly rows: RequestRepository,
    private readonly catalog: DefinitionCatalogService,
    private readonly metrics: MetricsService,
    private readonly staff: StaffDirectory,
  ) {}

  /**
   * Answers once the action's transitions are recorded; `vet` adds a check of the API's own after the
   * reducer's. The Idempotency-Key, scoped to the caller,
   * is the Update id, so a retried call is answered by the Update that already ran.
   */
  async act(
    { actor, requestId: id, idempotencyKey }: Pick<CaseTarget, 'actor' | 'requestId' | 'idempotencyKey'>,
    draft: ActionDraft,
    vet?: (row: RequestEntity) => Promise<void>,
    source: ActionInput['source'] = 'api',
  ): Promise<RequestDetailView> {
    const updateId = idempotencyKey ? `${actor.id}:${idempotencyKey}` : randomUUID();
    let checked: { row: RequestEntity; event: CaseEvent };
    try {
      checked = await this.checked(actor, id, draft);
    } catch (refusal) {
      // A retry whose first attempt took effect (its answer lost) is refused by the state it made:
      // the Update that already ran under the key's id has the answer.
      if (idempotencyKey && (await this.alreadyApplied(actor, id, updateId))) {
        markIdempotentReplay();
        return this.requests.detail(actor, id);
      }
      throw refusal;
    }
    const { row, event } = checked;
    await vet?.(row);
    try {
      await this.temporal.workflow
        .getHandle(row.workflowId)
        .executeUpdate(actUpdate, { args: [{ event, source }], updateId });
    } catch (error) {
      this.metrics.actionRefused(draft.type);
      throw await this.translateUpdateError(error, row);
    }
    this.metrics.actionApplied(draft.type, draft.type === 'decide' ? draft.outcome : undefined);
    return this.requests.detail(actor, id);
  }

  /**
   * Whether the Update with this id ran to success on the request's workflow (none ran, or it failed:
   * false). When Temporal cannot say (an outage, the call's deadline), the caller gets a 503 to retry,
   * never a refusal of an action that may have taken effect.
   */
  private async alreadyApplied(actor: Actor, id: string, updateId: string): Promise<boolean> {
    const row = await this.requests.visible(actor, id);
    try {
      await this.temporal.workflow.getHandle(row.workflowId).getUpdateHandle(updateId).result();
      return true;
    } catch (error) {
      if (outageOf(error)) throw error;
      return false;
    }
  }

  /**
   * Hands a step on, but only to someone who may hold it: a known supervisor, or a known clerk of the
   * step's department. An applicant, an unknown id or another department's clerk is a 422 (checked
   * once the reducer has accepted the reassignment itself).
   */
  reassign(
    target: Pick<CaseTarget, 'actor' | 'requestId' | 'idempotencyKey'>,
    draft: Extract<ActionDraft, { type: 'reassign' }>,
  ): Promise<RequestDetailView> {
    return this.act(target, draft, async (row) => {
      const { definition } = await this.catalog.context(row.definitionKey, row.definitionVersion);
      const owner = findStep(definition, draft.stepId)?.step.owner;
      const assignee = await this.staff.find(draft.assignee.id);
      const mayHold =
        assignee !== undefined &&
        (assignee.role === 'supervisor' ||
          (assignee.role === 'clerk' && owner?.role === 'clerk' && assignee.department === owner.department));
      if (!mayHold) {
        throw new ApiError(
          ApiErrorCode.UNPROCESSABLE,
          `'${draft.assignee.id}' is not staff who may hold step '${draft.stepId}'` +
            (owner ? ` (a clerk of ${owner.department} or a supervisor)` : ''),
          { assigneeId: draft.assignee.id, stepId: draft.stepId },
        );
      }
    });
  }

  /**
   * An external fact (a payment, an inspection result, a verified document) is an Update like an action,
   * recorded as `external`: its Idempotency-Key is the Update id, so a retry whose first attempt took
   * effect is answered by that attempt (`Idempotent-Replayed`), not refused by the state it made.
   */
  async recordExternal(
    target: Pick<CaseTarget, 'actor' | 'requestId' | 'idempotencyKey'>,
    draft: ActionDraft,
  ): Promise<{ accepted: true }> {
    await this.act(target, draft, undefined, 'external');
    return { accepted: true };
  }

  /**
   * An action by the holder of a capability the API has checked itself (a consultee's link), who has no account
   * whose access to the case could be looked up: the reducer and the workflow decide as for any action, and a
   * refusal says why without the case's state (the holder is outside the office).
   */
  async actWithCapability(actor: Actor, row: RequestEntity, draft: ActionDraft): Promise<void> {
    const event: CaseEvent = { ...draft, actor, at: now() };
    const context = await this.catalog.context(row.definitionKey, row.definitionVersion);
    const refusal = checkEvent(context, row.state as CaseState, event);
    if (refusal) {
      this.metrics.actionRefused(draft.type);
      throw toApiError(refusal);
    }
    try {
      await this.temporal.workflow
        .getHandle(row.workflowId)
        .executeUpdate(actUpdate, { args: [{ event, source: 'external' }], updateId: randomUUID() });
    } catch (error) {
      this.metrics.actionRefused(draft.type);
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ApiError(ApiErrorCode.ACTION_REJECTED, error.cause?.message ?? error.message);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new ApiError(ApiErrorCode.ACTION_REJECTED, 'The application is closed and takes no responses');
      }
      throw error;
    }
    this.metrics.actionApplied(draft.type);
  }

  /** Tries `act` and reports the result instead of throwing: for bulk actions, one item at a time. */
  async tryAct(
    actor: Actor,
    id: string,
    draft: ActionDraft,
    updateKey?: string,
  ): Promise<{ ok: true } | { ok: false; error: ApiError }> {
    try {
      await this.act({ actor, requestId: id, idempotencyKey: updateKey }, draft);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  /** The reducer's verdict on the action against the recorded state, before anything is sent. */
  private async checked(
    actor: Actor,
    id: string,
    draft: ActionDraft,
  ): Promise<{ row: RequestEntity; event: CaseEvent }> {
    const row = await this.requests.visible(actor, id);
    const state = row.state as CaseState;
    const event: CaseEvent = { ...draft, actor, at: now() };
    const refusal = checkEvent(await this.catalog.context(row.definitionKey, row.definitionVersion), state, event);
    if (refusal) {
      this.metrics.actionRefused(draft.type);
      throw rejection(refusal, summarize(state));
    }
    return { row, event };
  }

  /** A refused Update lost a race (or met a closed case): 409 with the state the workflow holds now. */
  private async translateUpdateError(error: unknown, row: RequestEntity): Promise<unknown> {
    if (error instanceof WorkflowUpdateFailedError) {
      const current = await this.currentState(row);
      return new ApiError(ApiErrorCode.ACTION_REJECTED, error.cause?.message ?? error.message, { current });
    }
    if (error instanceof WorkflowNotFoundError) {
      return new ApiError(ApiErrorCode.ACTION_REJECTED, 'The request is closed and takes no further actions', {
        current: summarize(row.state as CaseState),
      });
    }
    return error;
  }

  private async currentState(row: RequestEntity): Promise<CurrentState> {
    try {
      const handle = this.temporal.workflow.getHandle(row.workflowId);
      // A deadline on the call itself, so nothing keeps retrying after the caller has its answer.
      const state = await this.temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () =>
        handle.query(caseStateQuery),
      );
      return summarize(state);
    } catch {
      // The workflow may be gone or its worker away: the read model still knows the last recorded state.
    }
    const fresh = (await this.rows.findById(row.id)) ?? row;
    return summarize(fresh.state as CaseState);
  }
}

function rejection(error: DomainError, current: CurrentState): ApiError {
  const mapped = toApiError(error);
  if (mapped.code !== ApiErrorCode.ACTION_REJECTED) return mapped;
  return new ApiError(ApiErrorCode.ACTION_REJECTED, error.message, { reason: error.code, current });
}

export function summarize(state: CaseState): CurrentState {
  return {
    status: state.status,
    seq: state.seq,
    currentSteps: state.activeSteps.map((s) => ({
      stepId: s.stepId,
      state: s.state,
      assignee: s.assignee ?? null,
      assigneeName: s.assigneeName ?? null,
      dueAt: s.dueAt ?? null,
    })),
  };
}
