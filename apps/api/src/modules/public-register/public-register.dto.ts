import { CASE_STATUSES } from '@onewindow/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

/** The register's search: free text over reference, address and description; a date range; a status; a page. */
export class RegisterQuery {
  @ApiPropertyOptional({ description: 'Reference, address or text of the description', example: 'High Street' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Published on or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO 8601 date' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Published before (ISO 8601)' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO 8601 date' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}
