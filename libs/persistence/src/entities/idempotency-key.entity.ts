import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IdempotencyStatus = 'in_flight' | 'completed';

/** One caller's Idempotency-Key: the request it was first used with and, once answered, the answer. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('text', { name: 'actor_id' })
  actorId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** sha256 of method, path and canonical body: the same key with another request is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('text')
  status!: IdempotencyStatus;

  @Column('int', { name: 'response_status', nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody!: object | null;

  /** The call holding an in-flight claim; it renews `leaseUntil` while it runs. */
  @Column('uuid', { nullable: true })
  holder!: string | null;

  /** An in-flight claim whose lease has run out belongs to a process that died: a retry takes it over. */
  @Column('timestamptz', { name: 'lease_until', default: () => 'now()' })
  leaseUntil!: Date;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;
}
