import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A refused action (authorization denial, rejected Update): who tried what, where, and why it was refused. */
@Entity({ name: 'access_log' })
export class AccessLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('text', { name: 'actor_department', nullable: true })
  actorDepartment!: string | null;

  /** Method and route pattern, e.g. `POST /requests/:id/steps/:stepId/decision`. */
  @Column('text')
  route!: string;

  /** The domain action tried, e.g. `decide`, when known. */
  @Column('text', { nullable: true })
  action!: string | null;

  @Column('uuid', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('jsonb', { nullable: true })
  details!: object | null;
}
