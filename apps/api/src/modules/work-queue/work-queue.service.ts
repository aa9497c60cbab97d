import { findStep, type Actor } from '@onewindow/domain';
import { WorkQueueRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { DenialRecorder } from '../../core/access/denial-recorder';
import { ApiError, ApiErrorCode, httpStatusOf } from '../../core/errors/api-error';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';
import { CaseActionsService } from '../requests/case-actions.service';
import { BulkDecideDto, WorkQueueQuery } from './work-queue.dto';
import { BulkDecideView, toWorkItemView, WorkQueueView } from './work-queue.views';

const DEFAULT_PAGE_SIZE = 25;
const BULK_ROUTE = 'POST /work-queue/decisions';

@Injectable()
export class WorkQueueService {
  constructor(
    private readonly queue: WorkQueueRepository,
    private readonly actions: CaseActionsService,
    private readonly denials: DenialRecorder,
    private readonly catalog: DefinitionCatalogService,
  ) {}

  /** Open steps by department or assignee, earliest due first. A clerk sees their own department's queue. */
  async list(actor: Actor, query: WorkQueueQuery): Promise<WorkQueueView> {
    const department = this.departmentFor(actor, query.department);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = new Date();
    const { rows, total, totalCapped } = await this.queue.find({
      department,
      assignee: query.assignee === 'me' ? actor.id : query.assignee,
      overdue: query.overdue,
      search: query.search,
      now,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const items = await Promise.all(
      rows.map(async (row) => {
        // The step's label in every language, from the version the case runs on (cached: versions never change).
        const definition = await this.catalog.definition(row.request.definitionKey, row.request.definitionVersion);
        return toWorkItemView(row, now, findStep(definition, row.task.stepId)?.step.title);
      }),
    );
    return { items, total, totalCapped, page, pageSize };
  }

  /** The department whose queue the caller may read: a clerk only their own, other staff any or all. */
  departmentFor(actor: Actor, requested: string | undefined): string | undefined {
    if (actor.role !== 'clerk') return requested;
    if (requested !== undefined && requested !== actor.department) {
      throw new ApiError(
        ApiErrorCode.FORBIDDEN,
        `A clerk of '${actor.department ?? 'no department'}' reads only that queue`,
      );
    }
    if (actor.department === undefined)
      throw new ApiError(ApiErrorCode.FORBIDDEN, 'A clerk without a department has no queue');
    return actor.department;
  }

  /**
   * Decides each listed step in turn, each as its own Update (with the Idempotency-Key, an Update id
   * per item), and reports every item's result: one refusal does not stop the others.
   */
  async bulkDecide(actor: Actor, dto: BulkDecideDto, key?: string): Promise<BulkDecideView> {
    const results: BulkDecideView['results'] = [];
    for (const { requestId, stepId } of dto.items) {
      const draft = {
        type: 'decide' as const,
        stepId,
        outcome: dto.outcome,
        reason: dto.reason,
        conditions: dto.conditions,
        informatives: dto.informatives,
        refusalReasons: dto.refusalReasons,
      };
      const itemKey = key ? `${key}:${requestId}:${stepId}` : undefined;
      const result = await this.actions.tryAct(actor, requestId, draft, itemKey);
      if (!result.ok) this.denials.recordItem(actor, BULK_ROUTE, requestId, stepId, result.error);
      results.push(
        result.ok
          ? { requestId, stepId, result: 'decided', status: 200 }
          : {
              requestId,
              stepId,
              result: 'refused',
              status: httpStatusOf(result.error.code),
              code: result.error.code,
              message: result.error.message,
            },
      );
    }
    return { results };
  }
}
