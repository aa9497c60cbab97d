import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../entities/request.entity';
import { TransitionEntity } from '../entities/transition.entity';

export interface CaseRange {
  /** Cases whose first transition (the submission) occurred at or after this instant. */
  from?: Date;
  /** … and before this one. */
  to?: Date;
}

/** The cases of one definition a law change concerns: those still running, and/or those closed in a range. */
export interface DefinitionScope {
  key: string;
  running: boolean;
  /** Closed cases whose last transition occurred at or after this instant… */
  closedFrom?: Date;
  /** … and before this one. With neither bound, closed cases are left out. */
  closedTo?: Date;
}

/** Read access to the transition log for auditors: whole cases, in order, selected by submission time. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  transitions(requestId: string): Promise<TransitionEntity[]> {
    return this.db.getRepository(TransitionEntity).find({ where: { requestId }, order: { seq: 'ASC' } });
  }

  request(requestId: string): Promise<RequestEntity | null> {
    return this.db.getRepository(RequestEntity).findOneBy({ id: requestId });
  }

  /** Ids of the cases the log holds, oldest submission first; the log, not the read model, decides. */
  async caseIds(range: CaseRange = {}): Promise<string[]> {
    const qb = this.db
      .getRepository(TransitionEntity)
      .createQueryBuilder('t')
      .select('t.requestId', 'requestId')
      .where('t.seq = 1');
    if (range.from) qb.andWhere('t.occurredAt >= :from', { from: range.from });
    if (range.to) qb.andWhere('t.occurredAt < :to', { to: range.to });
    const rows = await qb
      .orderBy('t.occurredAt', 'ASC')
      .addOrderBy('t.requestId', 'ASC')
      .getRawMany<{ requestId: string }>();
    return rows.map((r) => r.requestId);
  }

  /** One page of the ids of a definition's cases in scope, oldest submission first, and how many there are. */
  async casesOfDefinition(
    scope: DefinitionScope,
    page: { offset: number; limit: number },
  ): Promise<{ ids: string[]; total: number }> {
    const closedRange = scope.closedFrom !== undefined || scope.closedTo !== undefined;
    if (!scope.running && !closedRange) return { ids: [], total: 0 };
    const qb = this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.definitionKey = :key', { key: scope.key })
      .andWhere('r.lastSeq > 0');
    const either: string[] = [];
    if (scope.running) either.push(`(r.state->>'closed') = 'false'`);
    if (closedRange) {
      const bounds = [`(r.state->>'closed') = 'true'`];
      if (scope.closedFrom) bounds.push('r.updatedAt >= :closedFrom');
      if (scope.closedTo) bounds.push('r.updatedAt < :closedTo');
      either.push(`(${bounds.join(' AND ')})`);
    }
    qb.andWhere(`(${either.join(' OR ')})`, { closedFrom: scope.closedFrom, closedTo: scope.closedTo });
    const total = await qb.getCount();
    const rows = await qb
      .orderBy('r.submittedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany<{ id: string }>();
    return { ids: rows.map((r) => r.id), total };
  }

  /**
   * Cases an auditor looks for: by id (or its first characters), workflow id, title or applicant, newest first.
   */
  findCases(text: string, limit: number): Promise<RequestEntity[]> {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('CAST(r.id AS text) LIKE :prefix', { prefix: `${text.toLowerCase().replace(/[\\%_]/g, '')}%` })
      .orWhere('r.workflowId = :workflowId', { workflowId: text })
      .orWhere('r.title ILIKE :like', { like })
      .orWhere('r.applicantId ILIKE :like', { like })
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Ids of read-model requests that have no transition at all (a case whose log was removed). */
  async requestsWithoutLog(range: CaseRange = {}): Promise<string[]> {
    const qb = this.db
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('NOT EXISTS (SELECT 1 FROM transitions t WHERE t.request_id = r.id)')
      .andWhere('r.last_seq > 0');
    if (range.from) qb.andWhere('r.submittedAt >= :from', { from: range.from });
    if (range.to) qb.andWhere('r.submittedAt < :to', { to: range.to });
    const rows = await qb.orderBy('r.id').getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
