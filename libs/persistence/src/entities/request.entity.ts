import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of one request: what the applicant's status page and the work queue read. */
@Entity({ name: 'requests' })
export class RequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'definition_key' })
  definitionKey!: string;

  @Column('int', { name: 'definition_version' })
  definitionVersion!: number;

  @Column('text', { name: 'request_type' })
  requestType!: string;

  @Column('text')
  jurisdiction!: string;

  @Column('text', { name: 'applicant_id' })
  applicantId!: string;

  @Column('text')
  title!: string;

  /** Other applicants of the request (user ids): they see it and hear what the applicant hears. */
  @Column('text', { name: 'co_applicants', array: true, default: () => "'{}'" })
  coApplicants?: string[];

  /** Departments that have or had a step on the case (the need-to-know rule reads them). */
  @Column('text', { array: true, default: () => "'{}'" })
  departments?: string[];

  @Column('jsonb')
  attributes!: Record<string, string | number | boolean>;

  @Column('text')
  status!: string;

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  /** Sequence number of the last recorded transition; the read model never moves backwards. */
  @Column('int', { name: 'last_seq' })
  lastSeq!: number;

  /** Hash of the last recorded transition: the head of this request's chain. */
  @Column('text', { name: 'head_hash', nullable: true })
  headHash!: string | null;

  /** The workflow's case state as of `lastSeq` (current steps, clocks, timers). */
  @Column('jsonb')
  state!: object;

  @Column('timestamptz', { name: 'next_due_at', nullable: true })
  nextDueAt!: Date | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
