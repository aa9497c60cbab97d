import { AppConfig } from '@onewindow/config';
import { actUpdate, approvalWorkflowId, externalEventSignal } from '@onewindow/contracts';
import { Actor, CaseEvent, CaseState, checkEvent, startCase } from '@onewindow/domain';
import { RequestEntity, RequestRepository } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { RequestDetailView, RequestSummaryView, toDetailView, toSummaryView } from './request.views';
import { DecideDto, PaymentDto, SubmitRequestDto, WithdrawDto } from './requests.dto';

type ActionDraft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'actor'> : never) : never;

@Injectable()
export class RequestsService {
  constructor(
    private readonly config: AppConfig,
    private readonly temporal: Client,
    private readonly requests: RequestRepository,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  /**
   * Starts the request's workflow, then makes the request visible in its initial state (the same
   * reducer the workflow runs computes it); 202 once Temporal holds the request durably.
   */
  async submit(applicant: Actor, dto: SubmitRequestDto): Promise<RequestSummaryView> {
    const ctx = this.catalog.latestContext(dto.definitionKey);
    const submission = { requestId: randomUUID(), applicant, attributes: dto.attributes ?? {}, at: now() };
    const initial = startCase(ctx, submission).state;
    const workflowId = approvalWorkflowId(submission.requestId);
    await this.temporal.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      args: [{ ctx, submission, title: dto.title }],
    });
    const request = {
      requestId: submission.requestId,
      applicantId: applicant.id,
      title: dto.title,
      attributes: submission.attributes,
      submittedAt: submission.at,
    };
    await this.requests.insertSubmitted(request, initial, workflowId);
    return toSummaryView(await this.visible(applicant, submission.requestId));
  }

  async list(actor: Actor): Promise<RequestSummaryView[]> {
    const rows = actor.role === 'applicant' ? await this.requests.findByApplicant(actor.id) : [];
    return rows.map(toSummaryView);
  }

  async detail(actor: Actor, id: string): Promise<RequestDetailView> {
    const row = await this.visible(actor, id);
    const { calendar } = this.catalog.context(row.definitionKey, row.definitionVersion);
    return toDetailView(row, await this.requests.timeline(id), calendar, now());
  }

  decide(actor: Actor, id: string, stepId: string, dto: DecideDto): Promise<RequestDetailView> {
    return this.act(actor, id, { type: 'decide', stepId, ...dto });
  }

  withdraw(actor: Actor, id: string, dto: WithdrawDto): Promise<RequestDetailView> {
    return this.act(actor, id, { type: 'withdraw', ...dto });
  }

  /** External facts arrive as Signals: checked against the current state, then handed to the workflow. */
  async confirmPayment(actor: Actor, id: string, dto: PaymentDto): Promise<{ accepted: true }> {
    const { row, event } = await this.checked(actor, id, { type: 'payment-confirmed', ...dto });
    await this.temporal.workflow.getHandle(row.workflowId).signal(externalEventSignal, event);
    return { accepted: true };
  }

  /**
   * Sends one action to the request's workflow as an Update and answers once its transitions are
   * recorded. The reducer checks it here first for a fast answer; the workflow's validator decides.
   */
  private async act(actor: Actor, id: string, draft: ActionDraft): Promise<RequestDetailView> {
    const { row, event } = await this.checked(actor, id, draft);
    try {
      await this.temporal.workflow
        .getHandle(row.workflowId)
        .executeUpdate(actUpdate, { args: [{ event, source: 'api' }], updateId: randomUUID() });
    } catch (error) {
      throw this.translateUpdateError(error);
    }
    return this.detail(actor, id);
  }

  /** The reducer's verdict on the action against the recorded state, before anything is sent. */
  private async checked(
    actor: Actor,
    id: string,
    draft: ActionDraft,
  ): Promise<{ row: RequestEntity; event: CaseEvent }> {
    const row = await this.visible(actor, id);
    const state = row.state as CaseState;
    const event = { ...draft, actor, at: now() };
    const refusal = checkEvent(this.catalog.context(row.definitionKey, row.definitionVersion), state, event);
    if (refusal) throw refusal;
    return { row, event };
  }

  private translateUpdateError(error: unknown): unknown {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return new ApiError(ApiErrorCode.ACTION_REJECTED, error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      return new ApiError(ApiErrorCode.ACTION_REJECTED, 'The request is closed and takes no further actions');
    }
    return error;
  }

  /** Applicants see only their own requests: another's answers 404, as if it did not exist. */
  private async visible(actor: Actor, id: string): Promise<RequestEntity> {
    const row = await this.requests.findById(id);
    if (!row || (actor.role === 'applicant' && row.applicantId !== actor.id)) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `No request ${id}`);
    }
    return row;
  }
}

function now(): string {
  return new Date().toISOString();
}
