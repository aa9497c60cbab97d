import type { LocalizedText } from '@onewindow/domain';
import { TOTAL_CAP, WorkQueueRow } from '@onewindow/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WorkItemView {
  @ApiProperty() requestId!: string;
  @ApiProperty() requestTitle!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty() requestType!: string;
  @ApiProperty() applicantId!: string;
  @ApiProperty() requestStatus!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ type: String, description: "In the reader's language" }) title!: LocalizedText;
  @ApiProperty() kind!: string;
  @ApiProperty() department!: string;
  @ApiProperty() state!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) assignee!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO-8601 UTC' }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: "The due date counts past the calendar's coverage and may still move" })
  dueProvisional!: boolean;
}

export class WorkQueueView {
  @ApiProperty({ type: [WorkItemView] }) items!: WorkItemView[];
  @ApiProperty({ description: `Matching steps, counted up to ${TOTAL_CAP}` }) total!: number;
  @ApiProperty({ description: `More than ${TOTAL_CAP} steps match: page on while pages come back full` })
  totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BulkResultView {
  @ApiProperty() requestId!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ enum: ['decided', 'refused'] }) result!: 'decided' | 'refused';
  @ApiProperty({ description: 'HTTP status the single decision would have answered' }) status!: number;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() message?: string;
}

export class BulkDecideView {
  @ApiProperty({ type: [BulkResultView] }) results!: BulkResultView[];
}

export function toWorkItemView({ task, request }: WorkQueueRow, now: Date, title?: LocalizedText): WorkItemView {
  return {
    requestId: request.id,
    requestTitle: request.title,
    definitionKey: request.definitionKey,
    requestType: request.requestType,
    applicantId: request.applicantId,
    requestStatus: request.status,
    stepId: task.stepId,
    title: title ?? task.title,
    kind: task.kind,
    department: task.department,
    state: task.state,
    assignee: task.assignee,
    dueAt: task.dueAt?.toISOString() ?? null,
    overdue: task.dueAt !== null && task.dueAt < now,
    dueProvisional: task.dueProvisional,
  };
}
