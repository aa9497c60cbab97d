import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { KEY } from '../requests/case-actions.dto';
import { IsAttributeMap } from '../requests/requests.dto';

export class ProjectStageDto {
  @ApiProperty({ example: 'Construction permit and grid connection' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: ['building-permit', 'grid-connection'],
    description: "The departments' processes, started in parallel",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'each definition key must be a lower-case key' })
  definitionKeys!: string[];

  @ApiPropertyOptional({ description: "The stage's one form: the union of the attributes its definitions declare" })
  @IsOptional()
  @IsAttributeMap()
  attributes?: Record<string, string | number | boolean>;

  @ApiProperty({ example: 60, description: 'Planned working days of the stage, until its requests are decided' })
  @IsInt()
  @Min(1)
  @Max(3650)
  plannedWorkingDays!: number;
}

export class CreateProjectDto {
  @ApiProperty({ example: 'Battery plant, Suzhou' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 120, description: 'The whole-project limit in working days' })
  @IsInt()
  @Min(1)
  @Max(3650)
  limitWorkingDays!: number;

  @ApiProperty({ type: [ProjectStageDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProjectStageDto)
  stages!: ProjectStageDto[];
}

export class ListProjectsQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
