import { AppConfig } from '@onewindow/config';
import { approvalWorkflowId } from '@onewindow/contracts';
import { Actor, CURRENT_ENGINE_RULES, startCase } from '@onewindow/domain';
import { RequestEntity, RequestRepository } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { createHash, randomUUID } from 'node:crypto';
import { AttributesValidator } from '../definitions/attributes-validator';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { caseAccess, caseScope } from '../../core/access/need-to-know';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { MetricsService } from '../../core/observability/metrics.service';
import { LruCache } from '../../core/common/lru-cache';
import {
  RequestDetailView,
  RequestListView,
  RequestSummaryView,
  toDetailView,
  toSummaryView,
  toTransitionView,
  TransitionView,
} from './request.views';
import { ListRequestsQuery, SubmitRequestDto } from './requests.dto';

const DEFAULT_PAGE_SIZE = 25;
/** Timelines kept per process (about 10 kB each): the requests whose status pages are read most. */
const TIMELINE_CACHE_SIZE = 2_000;

@Injectable()
export class RequestsService {
  private readonly timelines = new LruCache<string, TransitionView[]>(TIMELINE_CACHE_SIZE);

  constructor(
    private readonly config: AppConfig,
    private readonly temporal: Client,
    private readonly requests: RequestRepository,
    private readonly catalog: DefinitionCatalogService,
    private readonly attributes: AttributesValidator,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Starts the request's workflow, then makes the request visible in its initial state (the same
   * reducer the workflow runs computes it); 202 once Temporal holds the request durably. With an
   * Idempotency-Key the request id derives from caller and key, so a retried submit finds the
   * workflow it already started instead of starting another.
   */
  async submit(applicant: Actor, dto: SubmitRequestDto, idempotencyKey?: string): Promise<RequestSummaryView> {
    const ctx = await this.catalog.latestContext(dto.definitionKey);
    this.attributes.check(ctx.definition, dto.attributes ?? {});
    const requestId = idempotencyKey ? requestIdFor(applicant.id, idempotencyKey) : randomUUID();
    const submission = {
      requestId,
      applicant,
      attributes: dto.attributes ?? {},
      at: now(),
      engineRules: CURRENT_ENGINE_RULES,
    };
    const initial = startCase(ctx, submission).state;
    const workflowId = approvalWorkflowId(requestId);
    try {
      await this.temporal.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [{ ctx, submission, title: dto.title }],
      });
      this.metrics.workflowStarted(dto.definitionKey);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const request = {
      requestId,
      applicantId: applicant.id,
      title: dto.title,
      attributes: submission.attributes,
      submittedAt: submission.at,
    };
    await this.requests.insertSubmitted(request, initial, workflowId, dto.coApplicants ?? []);
    return toSummaryView(await this.visible(applicant, requestId));
  }

  /** Applicants list their own requests; clerks those their department has or had a step on; others all; narrowed by the filters. */
  async list(actor: Actor, query: ListRequestsQuery): Promise<RequestListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await this.requests.search({
      status: query.status,
      definitionKey: query.definitionKey,
      department: actor.role === 'applicant' ? undefined : query.department,
      applicantId: actor.role === 'applicant' ? actor.id : query.applicantId,
      involvedDepartment: caseScope(actor).department,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map(toSummaryView), total, page, pageSize };
  }

  async detail(actor: Actor, id: string): Promise<RequestDetailView> {
    const request = await this.visible(actor, id);
    const ctx = await this.catalog.context(request.definitionKey, request.definitionVersion);
    return toDetailView(request, await this.timeline(request), ctx, actor, now());
  }

  /** The log is append-only: the first `lastSeq` transitions of a request never change, so each is read once. */
  private async timeline(request: RequestEntity): Promise<TransitionView[]> {
    const key = `${request.id}:${request.lastSeq}`;
    const cached = this.timelines.get(key);
    if (cached) return cached;
    const timeline = (await this.requests.timeline(request.id, request.lastSeq)).map(toTransitionView);
    this.timelines.set(key, timeline);
    return timeline;
  }

  /**
   * The request, if the need-to-know rule lets the actor read it; every case route (detail, event
   * stream, documents, actions) comes through here. Another applicant's request answers 404, as if
   * it did not exist; a clerk whose department never had a step on it, 403. Both are logged.
   */
  async visible(actor: Actor, id: string): Promise<RequestEntity> {
    const row = await this.requests.findById(id);
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No request ${id}`);
    switch (caseAccess(actor, row)) {
      case 'read':
        return row;
      case 'hidden':
        throw new ApiError(ApiErrorCode.NOT_FOUND, `No request ${id}`, undefined, true);
      case 'not-involved':
        throw new ApiError(
          ApiErrorCode.FORBIDDEN,
          `Department '${actor.department ?? '-'}' has no step on this request`,
        );
    }
  }
}

/** A name-based UUID (version 5 layout) from sha256(actor, key): the same caller and key always name the same request. */
export function requestIdFor(actorId: string, key: string): string {
  const hex = createHash('sha256').update(`onewindow-submit\n${actorId}\n${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function now(): string {
  return new Date().toISOString();
}
