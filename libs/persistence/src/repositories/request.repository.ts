import type { CaseState } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { RequestEntity } from '../entities/request.entity';
import { TransitionEntity } from '../entities/transition.entity';
import { newRequestRow, RequestIdentity } from './transition-log.repository';

export interface RequestSearch {
  applicantId?: string;
  status?: string;
  definitionKey?: string;
  department?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class RequestRepository {
  private withTimeline?: string;

  constructor(private readonly db: DataSource) {}

  /** Makes a just-started request visible at once, in its initial state; the workflow's recordings follow. */
  async insertSubmitted(request: RequestIdentity, initial: CaseState, workflowId: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(RequestEntity)
      .values(newRequestRow(request, initial, workflowId))
      .orIgnore()
      .execute();
  }

  findById(id: string): Promise<RequestEntity | null> {
    return this.db.getRepository(RequestEntity).findOneBy({ id });
  }

  findByApplicant(applicantId: string, limit = 100): Promise<RequestEntity[]> {
    return this.db.getRepository(RequestEntity).find({
      where: { applicantId },
      order: { submittedAt: 'DESC' },
      take: limit,
    });
  }

  /** Requests for staff lists, newest first; `department` keeps those with an open step of that department. */
  async search(filter: RequestSearch): Promise<{ rows: RequestEntity[]; total: number }> {
    const qb = this.db.getRepository(RequestEntity).createQueryBuilder('r');
    if (filter.applicantId !== undefined)
      qb.andWhere('r.applicantId = :applicantId', { applicantId: filter.applicantId });
    if (filter.status !== undefined) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.definitionKey !== undefined) {
      qb.andWhere('r.definitionKey = :definitionKey', { definitionKey: filter.definitionKey });
    }
    if (filter.department !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM open_tasks t WHERE t.request_id = r.id AND t.department = :department)', {
        department: filter.department,
      });
    }
    const [rows, total] = await qb
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { rows, total };
  }

  /** Step ids named by the request's transitions after `afterSeq` (what a just-recorded batch touched). */
  async stepsTouchedSince(requestId: string, afterSeq: number): Promise<string[]> {
    const rows = await this.db
      .getRepository(TransitionEntity)
      .createQueryBuilder('t')
      .select('DISTINCT t.stepId', 'stepId')
      .where('t.requestId = :requestId AND t.seq > :afterSeq AND t.stepId IS NOT NULL', { requestId, afterSeq })
      .getRawMany<{ stepId: string }>();
    return rows.map((r) => r.stepId);
  }

  /** Rows in the read model and the transition log; lets tests prove a refused call wrote nothing. */
  async counts(): Promise<{ requests: number; transitions: number; openTasks: number }> {
    const [row] = await this.db.query<Array<{ requests: number; transitions: number; openTasks: number }>>(
      `SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM transitions)::int AS transitions,
              (SELECT count(*) FROM open_tasks)::int AS "openTasks"`,
    );
    return row;
  }

  /**
   * A request's row with its whole timeline, in one round trip: the status page, which applicants
   * poll, and the answer to every action.
   */
  async findWithTimeline(id: string): Promise<{ request: RequestEntity; timeline: TimelineEntry[] } | null> {
    const [found] = await this.db.query<
      Array<RequestEntity & { timeline: Array<Omit<TimelineEntry, 'occurredAt'> & { occurredAt: string }> }>
    >(this.withTimelineSql(), [id]);
    if (!found) return null;
    const { timeline, ...request } = found;
    return { request, timeline: timeline.map((t) => ({ ...t, occurredAt: new Date(t.occurredAt) })) };
  }

  /** Built once from the entities' mappings, so the query follows their columns. */
  private withTimelineSql(): string {
    if (this.withTimeline) return this.withTimeline;
    const as = (column: ColumnMetadata, table: string) => `${table}.${column.databaseName} AS "${column.propertyName}"`;
    const requestColumns = this.db.getMetadata(RequestEntity).columns.map((c) => as(c, 'r'));
    const entryFields = this.db
      .getMetadata(TransitionEntity)
      .columns.filter((c) => (TIMELINE_FIELDS as readonly string[]).includes(c.propertyName))
      .map((c) => `'${c.propertyName}', t.${c.databaseName}`);
    this.withTimeline = `
      SELECT ${requestColumns.join(', ')},
        COALESCE((SELECT json_agg(json_build_object(${entryFields.join(', ')}) ORDER BY t.seq)
                  FROM transitions t WHERE t.request_id = r.id), '[]') AS timeline
      FROM requests r WHERE r.id = $1`;
    return this.withTimeline;
  }
}

/** What the status page shows of each transition. */
const TIMELINE_FIELDS = [
  'seq',
  'stepId',
  'event',
  'fromState',
  'toState',
  'actorId',
  'actorRole',
  'actorDepartment',
  'outcome',
  'reason',
  'conditions',
  'source',
  'occurredAt',
] as const;

export type TimelineEntry = Pick<TransitionEntity, (typeof TIMELINE_FIELDS)[number]>;
