import { SupervisionRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { BreachesQuery, TimeUseQuery } from './supervision.dto';
import { BreachListView, TimeUseView } from './supervision.views';

const DEFAULT_BREACH_LIMIT = 200;

@Injectable()
export class SupervisionService {
  constructor(private readonly repository: SupervisionRepository) {}

  async timeUse(query: TimeUseQuery): Promise<TimeUseView> {
    const from = query.from !== undefined ? new Date(query.from) : undefined;
    const to = query.to !== undefined ? new Date(query.to) : undefined;
    if (from && to && from >= to) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'from must be before to');
    const now = new Date();
    const steps = await this.repository.timeUse({
      from,
      to,
      department: query.department,
      definitionKey: query.definitionKey,
      now,
    });
    return { asOf: now.toISOString(), steps };
  }

  async breaches(query: BreachesQuery): Promise<BreachListView> {
    const now = new Date();
    const rows = await this.repository.breaches(now, query.department, query.limit ?? DEFAULT_BREACH_LIMIT);
    return {
      asOf: now.toISOString(),
      items: rows.map((r) => ({
        ...r,
        dueAt: r.dueAt?.toISOString() ?? null,
        overdue: r.dueAt !== null && r.dueAt < now,
        escalated: r.escalatedAt !== null,
      })),
    };
  }
}
