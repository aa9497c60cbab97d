import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { KEY } from '../requests/case-actions.dto';

/** Old step id → new step id, for active steps whose id changed in the new version. */
class StepMapping {
  [stepId: string]: string;
}

export class ImpactDto {
  @ApiProperty({ example: 'land-use', description: 'The definition whose cases are examined' })
  @Matches(KEY, { message: 'key must be a lower-case key' })
  key!: string;

  @ApiPropertyOptional({ description: 'A published version of the key as the candidate (or give `candidate`)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;

  @ApiPropertyOptional({ description: 'A draft definition of the key as the candidate (not yet published)' })
  @IsOptional()
  @IsObject()
  candidate?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { consultation: 'publicity' },
  })
  @IsOptional()
  @IsObject()
  mapping?: StepMapping;

  @ApiPropertyOptional({ description: 'Examine the running cases (the default when no closed range is given)' })
  @IsOptional()
  @IsBoolean()
  running?: boolean;

  @ApiPropertyOptional({ description: 'Also replay the cases closed at or after this instant, from their start' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedFrom?: string;

  @ApiPropertyOptional({ description: '… and before this one' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closedTo?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: "Where the page starts (the last summary's nextOffset)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000, default: 1_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 600,
    description: 'Stop examining after this long (at most the API request deadline); the summary says where to go on',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeoutSeconds?: number;
}

export class MigrateDto {
  @ApiProperty({ description: 'The published version the cases move to', example: 2 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  @ApiProperty({
    description: 'Why (the statute or rule that changed): recorded on every case',
    example: 'Planning Act 2026 s.12',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiPropertyOptional({ type: [String], description: 'The cases to migrate (or give `onlyChanged`)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  requestIds?: string[];

  @ApiPropertyOptional({
    description: "The impact report's filter: every running case the new version changes and can carry",
  })
  @IsOptional()
  @IsBoolean()
  onlyChanged?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { consultation: 'publicity' },
  })
  @IsOptional()
  @IsObject()
  mapping?: StepMapping;
}
