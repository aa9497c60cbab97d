import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { KEY } from '../requests/case-actions.dto';
import { DecideDto, PageQuery } from '../requests/requests.dto';

export class WorkQueueQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'building', description: "A department's queue; a clerk's own by default" })
  @IsOptional()
  @Matches(KEY, { message: 'department must be a lower-case key' })
  department?: string;

  @ApiPropertyOptional({ example: 'me', description: "Steps held by this user; 'me' for the caller" })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string;

  @ApiPropertyOptional({ description: 'Only steps past their due date' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: "Text in the request's title (any case), or the start of its id" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string;
}

export class BulkItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ example: 'fire-review' })
  @Matches(KEY, { message: 'stepId must be a lower-case key' })
  stepId!: string;
}

/** One decision applied to many steps; each is decided (or refused) on its own. */
export class BulkDecideDto extends DecideDto {
  @ApiProperty({ type: [BulkItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BulkItemDto)
  items!: BulkItemDto[];
}
