import { CONSULTEE_POSITIONS, ORGANISATION_KEY, type ConsulteePosition } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

/** An organisation's names and the address its invitations go to. */
export class OrganisationDto {
  @ApiProperty({ example: 'Local highway authority' })
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiProperty({ example: '地方公路主管部门' })
  @IsString()
  @Length(1, 200)
  nameZh!: string;

  @ApiProperty({ example: 'consultations@highways.example.org' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email!: string;
}

export class NewOrganisationDto extends OrganisationDto {
  @ApiProperty({ example: 'highway-authority', description: 'What definitions name it by; never changes' })
  @IsString()
  @Matches(ORGANISATION_KEY, { message: 'key must be lower-case letters, digits and hyphens (at most 63)' })
  key!: string;
}

/** Long enough for a statutory consultee's reasoned response, short enough to stay a response. */
export const RESPONSE_MAX_LENGTH = 10_000;

/** A consultee body's answer. */
export class ConsultationResponseDto {
  @ApiProperty({ enum: CONSULTEE_POSITIONS })
  @IsIn(CONSULTEE_POSITIONS)
  position!: ConsulteePosition;

  @ApiProperty({ maxLength: RESPONSE_MAX_LENGTH, description: 'Plain text; required for comments and objections' })
  @IsString()
  @MaxLength(RESPONSE_MAX_LENGTH)
  text!: string;

  @ApiPropertyOptional({ type: [String], description: 'Conditions the body asks to be attached to a permission' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  conditions?: string[];
}

export class RevokeConsultationDto {
  @ApiProperty({ example: 'Sent to the wrong address' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
