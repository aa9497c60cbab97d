import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DURATION_UNITS, type DurationUnit } from '@onewindow/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Lower-case keys: step ids, outcomes, definition keys, item ids. */
export const KEY = /^[a-z][a-z0-9-]{0,63}$/;
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$/;

export class InformationItemDto {
  @ApiProperty({ example: 'site-plan' })
  @Matches(ITEM_ID, { message: 'id must be a short identifier such as site-plan' })
  id!: string;

  @ApiProperty({ example: 'Site plan at 1:500 showing access roads' })
  @IsString()
  @Length(1, 1000)
  description!: string;
}

export class RequestInformationDto {
  @ApiProperty({ type: [InformationItemDto], description: 'One exhaustive list of what is missing' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InformationItemDto)
  items!: InformationItemDto[];

  @ApiPropertyOptional({ example: 'The plans lack a site plan' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class AnswerInformationDto {
  @ApiPropertyOptional({ example: ['site-plan'], description: 'Items provided; all of them when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ITEM_ID, { each: true, message: 'each item id must be a short identifier' })
  itemIds?: string[];

  @ApiPropertyOptional({ example: 'Site plan uploaded as document 17' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class DurationDto {
  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(1000)
  value!: number;

  @ApiProperty({ enum: DURATION_UNITS })
  @IsIn(DURATION_UNITS)
  unit!: DurationUnit;
}

export class ProposeExtensionDto {
  @ApiPropertyOptional({ example: 'plan-review', description: "A step's clock; omit for the case's statutory clock" })
  @IsOptional()
  @Matches(KEY, { message: 'stepId must be a lower-case key' })
  stepId?: string;

  @ApiProperty({ type: DurationDto })
  @ValidateNested()
  @Type(() => DurationDto)
  by!: DurationDto;

  @ApiProperty({ example: 'Expert noise study outstanding' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiPropertyOptional({
    enum: ['agreement', 'authority'],
    description:
      "agreement (default): the applicant accepts; authority: the authority's own decision, a supervisor approves",
  })
  @IsOptional()
  @IsIn(['agreement', 'authority'])
  basis?: 'agreement' | 'authority';

  @ApiPropertyOptional({
    example: 'expert-report',
    description: "The definition's extension ground it is proposed on (required when the definition declares grounds)",
  })
  @IsOptional()
  @Matches(KEY, { message: 'ground must be a lower-case key' })
  ground?: string;
}

export class DeclineExtensionDto {
  @ApiPropertyOptional({ example: 'We need the decision before the board meeting' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class PledgeDto {
  @ApiProperty({ example: 'We commit to meet every condition of the fire code before occupation' })
  @IsString()
  @Length(1, 5000)
  statement!: string;

  @ApiPropertyOptional({ example: ['fire-code'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  items?: string[];
}

export class AppealDto {
  @ApiProperty({ example: 'The refusal ignored the revised access plan' })
  @IsString()
  @Length(1, 5000)
  grounds!: string;
}

export class ReleaseDto {
  @ApiPropertyOptional({ example: 'Back to the queue: on leave from tomorrow' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReassignDto {
  @ApiProperty({ example: 'clerk-building-2', description: 'Id of the clerk who takes the step over' })
  @Matches(PERSON_ID, { message: 'assigneeId must be a user id' })
  assigneeId!: string;

  @ApiPropertyOptional({ example: 'Nora Hall (Building control)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  assigneeName?: string;

  @ApiPropertyOptional({ example: 'Reviewer on leave' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class PauseClockDto {
  @ApiProperty({ example: 'External expert review of the noise study' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class InspectionResultDto {
  @ApiProperty({ example: 'inspection' })
  @Matches(KEY, { message: 'stepId must be a lower-case key' })
  stepId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ example: 'Fire doors fitted as approved' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  findings?: string;
}

export class DocumentVerifiedDto {
  @ApiProperty({ example: 'site-plan', description: 'The missing item the document provides' })
  @Matches(ITEM_ID, { message: 'itemId must be a short identifier' })
  itemId!: string;

  @ApiPropertyOptional({ example: 'DOC-2026-0042' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  documentId?: string;
}

/** Why a supervisor revokes, suspends or reinstates an issued permit: printed on its verification page. */
export class DocumentChangeDto {
  @ApiProperty({ example: 'Works started in breach of condition 1' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
