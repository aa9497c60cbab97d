import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { OpenTaskEntity } from '../entities/open-task.entity';
import { RequestEntity } from '../entities/request.entity';

export interface WorkQueueFilter {
  department?: string;
  assignee?: string;
  /** Only steps whose due date has passed as of `now`. */
  overdue?: boolean;
  now: Date;
  limit: number;
  offset: number;
}

export interface WorkQueueRow {
  task: OpenTaskEntity;
  request: Pick<RequestEntity, 'id' | 'title' | 'definitionKey' | 'requestType' | 'applicantId' | 'status'>;
}

/** The open steps clerks work on, read from the read model, earliest due first. */
@Injectable()
export class WorkQueueRepository {
  constructor(private readonly db: DataSource) {}

  async find(filter: WorkQueueFilter): Promise<{ rows: WorkQueueRow[]; total: number }> {
    const qb = this.db.getRepository(OpenTaskEntity).createQueryBuilder('t');
    if (filter.department !== undefined) qb.andWhere('t.department = :department', { department: filter.department });
    if (filter.assignee !== undefined) qb.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    if (filter.overdue) qb.andWhere('t.dueAt < :now', { now: filter.now });
    const [tasks, total] = await qb
      .orderBy('t.dueAt', 'ASC', 'NULLS LAST')
      .addOrderBy('t.requestId', 'ASC')
      .addOrderBy('t.stepId', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    const ids = [...new Set(tasks.map((t) => t.requestId))];
    const requests = ids.length
      ? await this.db.getRepository(RequestEntity).find({
          where: { id: In(ids) },
          select: { id: true, title: true, definitionKey: true, requestType: true, applicantId: true, status: true },
        })
      : [];
    const byId = new Map(requests.map((r) => [r.id, r]));
    const rows = tasks.flatMap((task) => {
      const request = byId.get(task.requestId);
      return request ? [{ task, request }] : [];
    });
    return { rows, total };
  }

  /** Open steps past their due date, per department (for the overdue gauge). */
  async overdueByDepartment(now: Date): Promise<Array<{ department: string; count: number }>> {
    const rows = await this.db
      .getRepository(OpenTaskEntity)
      .createQueryBuilder('t')
      .select('t.department', 'department')
      .addSelect('count(*)::int', 'count')
      .where('t.dueAt < :now', { now })
      .groupBy('t.department')
      .getRawMany<{ department: string; count: number }>();
    return rows;
  }

  /** The departments that own each of these requests' open steps (for live queue updates). */
  async departmentsOf(requestId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(OpenTaskEntity)
      .createQueryBuilder('t')
      .select('DISTINCT t.department', 'department')
      .where('t.requestId = :requestId', { requestId })
      .getRawMany<{ department: string }>();
    return rows.map((r) => r.department);
  }
}
