import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

const ISO = { strict: true, strictSeparator: true };
const boolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A window of submission (or event) time; either end may be open. */
export class RangeDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Inclusive start (ISO 8601)' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-02-01T00:00:00Z', description: 'Exclusive end (ISO 8601)' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Every Temporal event, not only the ones that changed the case' })
  @IsOptional()
  @Transform(boolean)
  @IsIn([true, false], { message: 'full must be true or false' })
  full?: boolean;
}

/** Exactly one of `at` or `seq`. */
export class StateQuery {
  @ApiPropertyOptional({ example: '2026-01-05T12:00:00Z', description: 'The state as it stood at this instant' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'at must be an ISO 8601 date-time' })
  at?: string;

  @ApiPropertyOptional({ example: 3, description: 'The state right after this transition' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'seq must be an integer' })
  @Min(0)
  @Max(1_000_000_000)
  seq?: number;
}

export const EXPORT_FORMATS = ['jsonl', 'csv', 'both'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'both' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

export class CheckpointVerifyQuery {
  @ApiPropertyOptional({
    description: 'Checkpoint hashes kept outside the database, comma-separated: each must still be in the chain',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @ArrayMaxSize(100)
  @Matches(/^[0-9a-f]{64}$/, { each: true, message: 'each anchor must be a SHA-256 hex digest' })
  anchors?: string[];
}

export class AccessLogQuery extends RangeDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional({ example: 'clerk-fire' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  actorId?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class FindCasesQuery {
  @ApiProperty({
    example: 'hall A',
    description: 'Request id (or its first characters), workflow id, title or applicant',
  })
  @IsString()
  @Length(1, 200)
  q!: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ViewAsOfQuery {
  @ApiProperty({ example: 3, description: 'The status page right after this transition' })
  @Type(() => Number)
  @IsInt({ message: 'seq must be an integer' })
  @Min(1)
  @Max(1_000_000_000)
  seq!: number;
}
