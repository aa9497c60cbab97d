import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProjectRequestView {
  @ApiProperty({ example: '2-grid-connection' }) memberId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ description: "'waiting' until its stage starts, then the request's status" }) status!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The next due instant of its open steps (ISO-8601 UTC)',
  })
  nextDueAt!: string | null;
  @ApiProperty({ description: "The IANA zone of the request's jurisdiction, in which its moments are read" })
  timeZone!: string;
  @ApiProperty({ description: "A due date counts past the calendar's coverage and may still move" })
  dueProvisional!: boolean;
  @ApiProperty({ description: 'Projected start day (local date)' }) projectedStart!: string;
  @ApiProperty({ description: 'Projected due (or decision) day (local date)' }) projectedDue!: string;
  @ApiProperty() onCriticalPath!: boolean;
}

export class StageClockView {
  @ApiProperty() projectedStart!: string;
  @ApiProperty() projectedDue!: string;
}

export class ProjectCalendarView {
  @ApiProperty() id!: string;
  @ApiProperty() timeZone!: string;
}

export class ProjectStageView {
  @ApiProperty() number!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['waiting', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: [String], description: "The stage's one form: the attributes its definitions declare" })
  form!: string[];
  @ApiProperty() plannedWorkingDays!: number;
  @ApiProperty({ type: StageClockView, description: "The stage clock's projected start and end (local dates)" })
  clock!: { projectedStart: string; projectedDue: string };
  @ApiProperty({ type: [ProjectRequestView] }) requests!: ProjectRequestView[];
}

export class ProjectSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applicantId!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ description: "The IANA zone of the project's calendar, in which its moments are read" })
  timeZone!: string;
  @ApiProperty() limitWorkingDays!: number;
}

export class ProjectView extends ProjectSummaryView {
  @ApiProperty({
    type: ProjectCalendarView,
    description: 'The calendar the whole-project limit counts in, and its time zone',
  })
  calendar!: { id: string; timeZone: string };
  @ApiProperty({ description: 'The last day of the whole-project limit' }) limitDate!: string;
  @ApiProperty() projectedDate!: string;
  @ApiProperty({ description: 'Working days to spare; negative when projected to breach' }) slackWorkingDays!: number;
  @ApiProperty() withinLimit!: boolean;
  @ApiProperty({ type: [String], description: 'Member ids setting the projected date, first to last' })
  criticalPath!: string[];
  @ApiProperty({ enum: ['in_progress', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ type: [ProjectStageView] }) stages!: ProjectStageView[];
}

export class ProjectListView {
  @ApiProperty({ type: [ProjectSummaryView] }) items!: ProjectSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
