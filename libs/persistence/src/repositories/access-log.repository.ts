import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLogEntity } from '../entities/access-log.entity';

/**
 * Why a call was refused: no valid credentials (authentication), the guard's role/ownership check
 * (authorization), or the reducer (API pre-check or Update validator).
 */
export type AccessDenialKind = 'authentication' | 'authorization' | 'rejected-action';

export interface AccessDenial {
  kind: AccessDenialKind;
  /** The verified caller; null when the caller could not be identified. */
  actor: { id: string; role: string; department?: string | null } | null;
  /** Method and route pattern, e.g. `POST /requests/:id/steps/:stepId/decision`. */
  route: string;
  /** The domain action tried (`decide`, `withdraw`…), when known. */
  action?: string | null;
  /** The request acted on; a value that is not a UUID is kept in `details` instead. */
  requestId?: string | null;
  reason: string;
  correlationId: string;
  details?: Record<string, unknown> | null;
  /** Defaults to the database's now(). */
  at?: Date;
}

export interface AccessLogQuery {
  requestId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Append-only record of refused actions, for auditors. */
@Injectable()
export class AccessLogRepository {
  constructor(private readonly db: DataSource) {}

  async record(denial: AccessDenial): Promise<void> {
    const requestId = denial.requestId ?? null;
    const validId = requestId !== null && UUID.test(requestId);
    const details = !validId && requestId !== null ? { ...denial.details, requestId } : (denial.details ?? null);
    await this.db.getRepository(AccessLogEntity).insert({
      kind: denial.kind,
      actorId: denial.actor?.id ?? null,
      actorRole: denial.actor?.role ?? null,
      actorDepartment: denial.actor?.department ?? null,
      route: denial.route,
      action: denial.action ?? null,
      requestId: validId ? requestId : null,
      reason: denial.reason,
      correlationId: denial.correlationId,
      details,
      ...(denial.at ? { occurredAt: denial.at } : {}),
    });
  }

  find(query: AccessLogQuery = {}): Promise<AccessLogEntity[]> {
    const qb = this.db.getRepository(AccessLogEntity).createQueryBuilder('a');
    if (query.requestId) qb.andWhere('a.requestId = :requestId', { requestId: query.requestId });
    if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('a.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurredAt < :to', { to: query.to });
    return qb
      .orderBy('a.occurredAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(query.limit ?? 1000)
      .getMany();
  }
}
