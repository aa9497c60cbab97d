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
   * Claims (actor, key) for a request with INSERT … ON CONFLICT. An in-flight claim older than
   * `staleAfterMs` (its process died) is taken over; otherwise the existing row decides the outcome.
   */
  async claim(actorId: string, key: string, requestHash: string, staleAfterMs: number): Promise<IdempotencyClaim> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash, status) VALUES ($1, $2, $3, 'in_flight')
       ON CONFLICT (actor_id, key) DO UPDATE SET created_at = now()
         WHERE idempotency_keys.status = 'in_flight'
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING actor_id`,
      [actorId, key, requestHash, staleAfterMs / 1000],
    );
    if (inserted.length > 0) return { outcome: 'claimed' };
    const row = await this.db.getRepository(IdempotencyKeyEntity).findOneBy({ actorId, key });
    if (!row) return this.claim(actorId, key, requestHash, staleAfterMs);
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

  /** Gives the key back (the call failed before it decided anything), so a retry runs afresh. */
  async release(actorId: string, key: string): Promise<void> {
    await this.db.getRepository(IdempotencyKeyEntity).delete({ actorId, key, status: 'in_flight' });
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
