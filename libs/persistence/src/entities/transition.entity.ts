import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One recorded state change of a request; the table is append-only and hash-chained per request. */
@Entity({ name: 'transitions' })
@Unique('transitions_request_seq_key', ['requestId', 'seq'])
export class TransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'request_id' })
  requestId!: string;

  @Column('int')
  seq!: number;

  @Column('text', { name: 'step_id', nullable: true })
  stepId!: string | null;

  @Column('text')
  event!: string;

  @Column('text', { name: 'from_state' })
  fromState!: string;

  @Column('text', { name: 'to_state' })
  toState!: string;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  @Column('text', { name: 'actor_department', nullable: true })
  actorDepartment!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { nullable: true })
  conditions!: string[] | null;

  @Column('jsonb', { nullable: true })
  data!: object | null;

  /** Where the change came from: an API call, a timer, an external event. */
  @Column('text')
  source!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('text', { name: 'run_id' })
  runId!: string;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}
