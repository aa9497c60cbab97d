import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ProjectStageRow {
  name: string;
  plannedWorkingDays: number;
  attributes: Record<string, string | number | boolean>;
  requests: Array<{ memberId: string; definitionKey: string; requestId: string }>;
}

/** An investment project: its stages and their requests, each with a row in `requests` once it starts. */
@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'applicant_id' })
  applicantId!: string;

  @Column('text', { name: 'calendar_id' })
  calendarId!: string;

  @Column('int', { name: 'limit_working_days' })
  limitWorkingDays!: number;

  @Column('jsonb')
  stages!: ProjectStageRow[];

  @Column('text', { name: 'workflow_id' })
  workflowId!: string;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;
}
