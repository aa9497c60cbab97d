import type { RecordedCondition } from '@onewindow/domain';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CHAINED_COLUMNS } from '../transition-columns';

/**
 * One recorded state change of a request; the table is append-only and hash-chained per request.
 * The hashed columns come from CHAINED_COLUMNS, their one definition.
 */
@Entity({ name: 'transitions' })
@Unique('transitions_request_seq_key', ['requestId', 'seq'])
export class TransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column(CHAINED_COLUMNS.requestId.sqlType, { name: CHAINED_COLUMNS.requestId.column })
  requestId!: string;

  @Column(CHAINED_COLUMNS.seq.sqlType, { name: CHAINED_COLUMNS.seq.column })
  seq!: number;

  @Column(CHAINED_COLUMNS.stepId.sqlType, { name: CHAINED_COLUMNS.stepId.column, nullable: true })
  stepId!: string | null;

  @Column(CHAINED_COLUMNS.event.sqlType, { name: CHAINED_COLUMNS.event.column })
  event!: string;

  @Column(CHAINED_COLUMNS.fromState.sqlType, { name: CHAINED_COLUMNS.fromState.column })
  fromState!: string;

  @Column(CHAINED_COLUMNS.toState.sqlType, { name: CHAINED_COLUMNS.toState.column })
  toState!: string;

  @Column(CHAINED_COLUMNS.actorId.sqlType, { name: CHAINED_COLUMNS.actorId.column })
  actorId!: string;

  @Column(CHAINED_COLUMNS.actorRole.sqlType, { name: CHAINED_COLUMNS.actorRole.column })
  actorRole!: string;

  @Column(CHAINED_COLUMNS.actorDepartment.sqlType, { name: CHAINED_COLUMNS.actorDepartment.column, nullable: true })
  actorDepartment!: string | null;

  @Column(CHAINED_COLUMNS.outcome.sqlType, { name: CHAINED_COLUMNS.outcome.column, nullable: true })
  outcome!: string | null;

  @Column(CHAINED_COLUMNS.reason.sqlType, { name: CHAINED_COLUMNS.reason.column, nullable: true })
  reason!: string | null;

  @Column(CHAINED_COLUMNS.conditions.sqlType, { name: CHAINED_COLUMNS.conditions.column, nullable: true })
  conditions!: RecordedCondition[] | null;

  @Column(CHAINED_COLUMNS.data.sqlType, { name: CHAINED_COLUMNS.data.column, nullable: true })
  data!: object | null;

  /** Where the change came from: an API call, a timer, an external event. */
  @Column(CHAINED_COLUMNS.source.sqlType, { name: CHAINED_COLUMNS.source.column })
  source!: string;

  @Column(CHAINED_COLUMNS.occurredAt.sqlType, { name: CHAINED_COLUMNS.occurredAt.column })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;

  @Column(CHAINED_COLUMNS.workflowId.sqlType, { name: CHAINED_COLUMNS.workflowId.column })
  workflowId!: string;

  @Column(CHAINED_COLUMNS.runId.sqlType, { name: CHAINED_COLUMNS.runId.column })
  runId!: string;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}
