import type { RequestIdentity } from '@onewindow/contracts';
import type { CaseState, LocalizedText } from '@onewindow/domain';
import type { CaseReading } from '@onewindow/notifications';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { RequestEntity } from '../entities/request.entity';
import { caseZoneSql } from './case-zone';
import { TransitionEntity } from '../entities/transition.entity';
import { insertRequestIfAbsent } from './transition-log.repository';
import { TIMELINE_SQL, TimelineField } from '../transition-columns';

export interface RequestSearch {
  applicantId?: string;
  status?: string;
  definitionKey?: string;
  department?: string;
  /** Only cases this department has or had a step on (the need-to-know rule for a clerk's list). */
  involvedDepartment?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class RequestRepository {
  private byIdSql?: string;

  constructor(private readonly db: DataSource) {}

  /**
   * Inside the caller's transaction, how each request is read: the time zone of its jurisdiction (from its latest
   * calendar) and what its definition version calls its outcomes.
   */
  static async readingsOf(tx: EntityManager, requestIds: string[]): Promise<Map<string, CaseReading>> {
    const cases = await tx.query<
      Array<{ id: string; zone: string | null; outcomeLabels: Record<string, LocalizedText> | null }>
    >(
      `SELECT q.id, ${caseZoneSql('q.id')} AS zone, d.definition->'outcomeLabels' AS "outcomeLabels" FROM requests q
       LEFT JOIN process_definitions d ON d.key = q.definition_key AND d.version = q.definition_version
       WHERE q.id = ANY($1)`,
      [[...new Set(requestIds)]],
    );
    return new Map(
      cases.map((c) => [c.id, { timeZone: c.zone ?? 'UTC', outcomeLabels: c.outcomeLabels ?? {} }] as const),
    );
  }

  /** Makes a just-started request visible at once, in its initial state; the workflow's recordings follow. */
  async insertSubmitted(
    request: RequestIdentity,
    initial: CaseState,
    workflowId: string,
    coApplicants: string[] = [],
  ): Promise<void> {
    await insertRequestIfAbsent(this.db.manager, request, initial, workflowId);
    // Set apart from the insert: the workflow's first recording may have created the row already.
    if (coApplicants.length > 0) {
      await this.db.query(`UPDATE requests SET co_applicants = $2 WHERE id = $1`, [request.requestId, coApplicants]);
    }
  }

  /** Every status page and action reads one: a plain query, its columns named by the entity's mapping. */
  async findById(id: string): Promise<RequestEntity | null> {
    this.byIdSql ??= `SELECT ${this.columns(RequestEntity)} FROM requests WHERE id = $1`;
    const [row] = await this.db.query<RequestEntity[]>(this.byIdSql, [id]);
    return row ?? null;
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
    if (filter.involvedDepartment !== undefined) {
      qb.andWhere(':involved = ANY(r.departments)', { involved: filter.involvedDepartment });
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
   * The request's transitions up to `throughSeq`, in order: the timeline as of a row that shows
   * `lastSeq = throughSeq`, even if more have been recorded since it was read.
   */
  async timeline(requestId: string, throughSeq: number): Promise<TimelineEntry[]> {
    return this.db.query<TimelineEntry[]>(TIMELINE_SQL, [requestId, throughSeq]);
  }

  /** A select list of the entity's columns, each named as its property. */
  private columns(entity: EntityTarget<object>): string {
    return this.db
      .getMetadata(entity)
      .columns.map((c) => `${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
  }
}

export type TimelineEntry = Pick<TransitionEntity, TimelineField>;
