import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'in-flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'completed'; status: number; body: unknown };

@Injectable()
export class IdempotencyKeyRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Claims (actor, key) for a request with INSERT … ON CONFLICT, for `holder` under a lease of `leaseMs`.
   * An in-flight claim whose lease ran out (its holder died) is taken over; otherwise the existing row
   * decides the outcome.
   */
  async claim(
    actorId: string,
    key: string,
    requestHash: string,
    holder: string,
    leaseMs: number,
  ): Promise<IdempotencyClaim> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash, status, holder, lease_until)
       VALUES ($1, $2, $3, 'in_flight', $4, now() + make_interval(secs => $5))
       ON CONFLICT (actor_id, key) DO UPDATE
         SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, created_at = now()
         WHERE idempotency_keys.status = 'in_flight'
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.lease_until < now()
       RETURNING actor_id`,
      [actorId, key, requestHash, holder, leaseMs / 1000],
    );
    if (inserted.length > 0) return { outcome: 'claimed' };
    const row = await this.db.getRepository(IdempotencyKeyEntity).findOneBy({ actorId, key });
    if (!row) return this.claim(actorId, key, requestHash, holder, leaseMs);
    if (row.requestHash !== requestHash) return { outcome: 'mismatch' };
    if (row.status === 'in_flight' || row.responseStatus === null) return { outcome: 'in-flight' };
    return { outcome: 'completed', status: row.responseStatus, body: row.responseBody };
  }

  async complete(actorId: string, key: string, status: number, body: object | null): Promise<void> {
    await this.db
      .getRepository(IdempotencyKeyEntity)
      .update(
        { actorId, key },
        { status: 'completed', responseStatus: status, responseBody: body, completedAt: new Date() },
      );
  }

  /** Extends the leases of the claims these holders still have in flight: they are alive. */
  async renew(holders: string[], leaseMs: number): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => $2)
       WHERE status = 'in_flight' AND holder = ANY($1::uuid[])`,
      [holders, leaseMs / 1000],
    );
  }

  /**
   * Gives the key back (the call failed before it decided anything), so a retry runs afresh; only while
   * `holder` still holds it (a retry may have taken it over).
   */
  async release(actorId: string, key: string, holder: string): Promise<void> {
    await this.db.getRepository(IdempotencyKeyEntity).delete({ actorId, key, holder, status: 'in_flight' });
  }

  /** Forgets answered keys older than `ageMs`: a retry that late is a new request. */
  async purgeOlderThan(ageMs: number): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_keys WHERE status = 'completed' AND created_at < now() - make_interval(secs => $1)`,
      [ageMs / 1000],
    );
  }

  count(): Promise<number> {
    return this.db.getRepository(IdempotencyKeyEntity).count();
  }
}
