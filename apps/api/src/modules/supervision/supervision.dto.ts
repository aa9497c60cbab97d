import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { KEY } from '../requests/case-actions.dto';
import { RangeDto } from '../audit/audit.dto';

export class TimeUseQuery extends RangeDto {
  @ApiPropertyOptional({ example: 'building', description: 'One department (all when absent)' })
  @IsOptional()
  @Matches(KEY, { message: 'department must be a lower-case key' })
  department?: string;

  @ApiPropertyOptional({ example: 'building-permit', description: 'One process definition (all when absent)' })
  @IsOptional()
  @Matches(KEY, { message: 'definitionKey must be a lower-case key such as building-permit' })
  definitionKey?: string;
}

export class BreachesQuery {
  @ApiPropertyOptional({ example: 'fire' })
  @IsOptional()
  @Matches(KEY, { message: 'department must be a lower-case key' })
  department?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(1000)
  limit?: number;
}
