import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StepTimeUseView {
  @ApiProperty() department!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ description: 'Activations still open' }) open!: number;
  @ApiProperty({ description: 'Open activations past their due date' }) overdue!: number;
  @ApiProperty({ description: 'Activations decided (completed): the ones measured' }) completed!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Median working days from activation to completion',
  })
  medianWorkingDays!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '90th percentile of working days taken' })
  p90WorkingDays!: number | null;
}

export class TimeUseView {
  @ApiProperty({ description: 'ISO-8601 UTC: when "overdue" was judged' }) asOf!: string;
  @ApiProperty({ type: [StepTimeUseView] }) steps!: StepTimeUseView[];
}

export class BreachView {
  @ApiProperty() requestId!: string;
  @ApiProperty() requestTitle!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty() applicantId!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() department!: string;
  @ApiProperty() state!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) assignee!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) dueAt!: string | null;
  @ApiProperty({ description: 'The step is past its due date' }) overdue!: boolean;
  @ApiProperty({ description: 'The step was escalated to a supervisor when its clock ran out' }) escalated!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) escalatedAt!: string | null;
  @ApiProperty({ description: "The case's statutory clock has run out" }) caseOverdue!: boolean;
}

export class BreachListView {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [BreachView] }) items!: BreachView[];
}
