import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A step waiting on a department: one row per active step, kept in step with every recorded batch. */
@Entity({ name: 'open_tasks' })
export class OpenTaskEntity {
  @PrimaryColumn('uuid', { name: 'request_id' })
  requestId!: string;

  @PrimaryColumn('text', { name: 'step_id' })
  stepId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  department!: string;

  @Column('text')
  role!: string;

  @Column('text')
  state!: string;

  @Column('text', { nullable: true })
  assignee!: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** The due date counts over days the calendar does not cover yet. */
  @Column('boolean', { name: 'due_provisional', default: false })
  dueProvisional!: boolean;
}
