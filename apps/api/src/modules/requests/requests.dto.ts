import { CASE_STATUSES } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  Max,
  IsArray,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateBy,
  ValidationOptions,
  ValidateNested,
} from 'class-validator';
import { DocumentChangeDto, KEY } from './case-actions.dto';

/** A flat map of request attributes (e.g. loadKw: 12000) that routing conditions read. */
export function IsAttributeMap(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isAttributeMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value).every(
            ([k, v]) =>
              /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k) &&
              (typeof v === 'boolean' ||
                (typeof v === 'number' && Number.isFinite(v)) ||
                (typeof v === 'string' && v.length <= 500)),
          ),
        defaultMessage: () =>
          'attributes must map up to 50 identifier keys to booleans, finite numbers or strings of at most 500 characters',
      },
    },
    options,
  );
}

export class SubmitRequestDto {
  @ApiProperty({ example: 'building-permit' })
  @Matches(KEY, { message: 'definitionKey must be a lower-case key such as building-permit' })
  definitionKey!: string;

  @ApiProperty({ example: 'Battery plant, hall A' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { floorAreaM2: 24000, inspectionRequired: true },
  })
  @IsOptional()
  @IsObject()
  @IsAttributeMap()
  attributes?: Record<string, string | number | boolean>;

  @ApiPropertyOptional({
    example: ['volta-grid'],
    description: 'User ids of co-applicants: they see the request and are notified like the applicant',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  coApplicants?: string[];
}

/** A condition of a decision: what must be done, why, and optionally the policy it rests on. */
export class ConditionDto {
  @ApiProperty({ example: 'Sprinklers in hall A before occupation' })
  @IsString()
  @Length(1, 1000)
  text!: string;

  @ApiProperty({ example: 'Fire code §903.2: storage of lithium batteries' })
  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ApiPropertyOptional({ example: 'IFC 903.2.9' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  policy?: string;

  @ApiPropertyOptional({
    example: 'sprinklers',
    description:
      "The key of the definition's standard condition chosen as written; it is then read in each reader's language",
  })
  @IsOptional()
  @Matches(KEY, { message: 'standard must be the key of a standard condition such as sprinklers' })
  standard?: string;
}

export class DecideDto {
  @ApiProperty({ example: 'approved' })
  @Matches(KEY, { message: 'outcome must be a lower-case key such as approved' })
  outcome!: string;

  @ApiPropertyOptional({ example: 'Plans comply with the building code' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ type: [ConditionDto], description: 'Each condition with the reason for it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionDto)
  conditions?: ConditionDto[];

  @ApiPropertyOptional({
    example: ['Separate consent is needed for advertisements'],
    description: 'Advice that binds no one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  informatives?: string[];

  @ApiPropertyOptional({
    example: ['The height exceeds the local plan limit of 25 m'],
    description: 'For a refusal: each reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  refusalReasons?: string[];

  @ApiPropertyOptional({
    example: '2026-03-02T09:00:00Z',
    description:
      'The validation that starts the case clock only: when the application became valid, between receipt and ' +
      'now (a reason is required); the case clock counts from it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  effectiveFrom?: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ example: 'Project postponed' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'fee' })
  @Matches(KEY, { message: 'stepId must be a lower-case key such as fee' })
  stepId!: string;

  @ApiProperty({ example: 'PAY-2026-000123', description: 'Reference of the payment provider' })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiPropertyOptional({ example: 1250.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amount?: number;
}

/** Page through a list: `page` from 1, at most 100 a page. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'building-permit' })
  @IsOptional()
  @Matches(KEY, { message: 'definitionKey must be a lower-case key' })
  definitionKey?: string;

  @ApiPropertyOptional({ example: 'fire', description: 'Requests with an open step of this department (staff only)' })
  @IsOptional()
  @Matches(KEY, { message: 'department must be a lower-case key' })
  department?: string;

  @ApiPropertyOptional({ example: 'acme-battery', description: 'Requests of one applicant (staff only)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  applicantId?: string;
}

/** The applicant completes a step that is its own work (corrections, its own design, construction). */
export class CompleteStepDto {
  @ApiProperty({ example: 'submitted', description: "One of the step's outcomes" })
  @Matches(KEY, { message: 'outcome must be a lower-case key such as submitted' })
  outcome!: string;

  @ApiPropertyOptional({ example: 'Revised drawings uploaded as set C' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** A variation: the reason, and the conditions of the new version when they change. */
export class DocumentVariationDto extends DocumentChangeDto {
  @ApiPropertyOptional({ type: [ConditionDto], description: "The new version's conditions, each with its reason" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionDto)
  conditions?: ConditionDto[];
}
