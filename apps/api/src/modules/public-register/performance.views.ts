import type { LocalizedText } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class QuarterPerformanceView {
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ type: String, description: "The process's name, in the reader's language" }) process!: LocalizedText;
  @ApiProperty({ example: '2026-Q4' }) quarter!: string;
  @ApiProperty({ description: 'Cases received in the quarter' }) received!: number;
  @ApiProperty({ description: 'Cases decided (approved or refused) in the quarter' }) decided!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Median working days from receipt to decision' })
  medianWorkingDays!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Share (0..1) of the decided cases with a statutory period that were decided within it',
  })
  withinPeriodShare!: number | null;
}

export class PerformanceView {
  @ApiProperty({ type: [QuarterPerformanceView] }) quarters!: QuarterPerformanceView[];
}
