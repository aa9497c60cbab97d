import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { OpenTaskEntity } from '../entities/open-task.entity';
import { RequestEntity } from '../entities/request.entity';

export interface WorkQueueFilter {
  department?: string;
  assignee?: string;
  /** Only steps whose due date has passed as of `now`. */
  overdue?: boolean;
  /** Only steps of requests whose title contains this text (any case), or whose id starts with it. */
  search?: string;
  now: Date;
  limit: number;
  offset: number;
}

/** The request fields a queue item shows beside its step. */
const REQUEST_FIELDS = ['title', 'definitionKey', 'definitionVersion', 'requestType', 'applicantId', 'status'] as const;

/** A queue's count is exact up to this many tasks; beyond it the page says there are more. */
export const TOTAL_CAP = 1000;

export interface WorkQueueRow {
  task: OpenTaskEntity;
  request: Pick<RequestEntity, 'id' | (typeof REQUEST_FIELDS)[number]>;
}

export interface WorkQueuePage {
  rows: WorkQueueRow[];
  /** Matching tasks, counted up to `TOTAL_CAP`. */
  total: number;
  /** More than `TOTAL_CAP` tasks match. */
  totalCapped: boolean;
}

/** The open steps clerks work on, read from the read model, earliest due first. */
@Injectable()
export class WorkQueueRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * A page of the queue with its requests, in one query, and how many tasks match. The count stops
   * at `TOTAL_CAP`: counting a department's whole backlog on every page costs more than the page.
   */
  async find(filter: WorkQueueFilter): Promise<WorkQueuePage> {
    const pageQuery = this.matching(filter).innerJoin(RequestEntity, 'r', 'r.id = t.requestId');
    for (const field of REQUEST_FIELDS) pageQuery.addSelect(`r.${field}`, field);
    pageQuery
      .orderBy('t.dueAt', 'ASC', 'NULLS LAST')
      .addOrderBy('t.requestId', 'ASC')
      .addOrderBy('t.stepId', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit);
    const [countSql, countParameters] = this.matching(filter)
      .select('1')
      .limit(TOTAL_CAP + 1)
      .getQueryAndParameters();
    const [{ entities, raw }, [{ matched }]] = await Promise.all([
      pageQuery.getRawAndEntities<WorkQueueRow['request']>(),
      this.db.query<Array<{ matched: number }>>(
        `SELECT count(*)::int AS matched FROM (${countSql}) capped`,
        countParameters,
      ),
    ]);
    const rows = entities.map((task, i) => {
      const { title, definitionKey, definitionVersion, requestType, applicantId, status } = raw[i];
      const request = { id: task.requestId, title, definitionKey, definitionVersion, requestType, applicantId, status };
      return { task, request };
    });
    return { rows, total: Math.min(matched, TOTAL_CAP), totalCapped: matched > TOTAL_CAP };
  }

  private matching(filter: WorkQueueFilter): SelectQueryBuilder<OpenTaskEntity> {
    const qb = this.db.getRepository(OpenTaskEntity).createQueryBuilder('t');
    if (filter.department !== undefined) qb.andWhere('t.department = :department', { department: filter.department });
    if (filter.assignee !== undefined) qb.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    if (filter.overdue) qb.andWhere('t.dueAt < :now', { now: filter.now });
    if (filter.search !== undefined) {
      const literal = filter.search.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.innerJoin(RequestEntity, 'searched', 'searched.id = t.requestId').andWhere(
        `(searched.title ILIKE :contains OR searched.id::text LIKE :prefix)`,
        { contains: `%${literal}%`, prefix: `${literal.toLowerCase()}%` },
      );
    }
    return qb;
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

  /** Open steps whose due date is provisional (past their calendar's coverage), by department. */
  async provisionalByDepartment(): Promise<Array<{ department: string; count: number }>> {
    return this.db
      .getRepository(OpenTaskEntity)
      .createQueryBuilder('t')
      .select('t.department', 'department')
      .addSelect('count(*)::int', 'count')
      .where('t.dueProvisional')
      .groupBy('t.department')
      .getRawMany<{ department: string; count: number }>();
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
