import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const SENTIMENTS = ['support', 'neutral', 'object'] as const;
export const TOPICS = ['design', 'use', 'light', 'privacy', 'access', 'noise', 'traffic', 'other'] as const;
/** Long enough for a considered objection, short enough that nobody pastes a document in. */
export const COMMENT_MAX_LENGTH = 5000;

/** A member of the public's comment: plain text, with a name and an email address confirmed by a link. */
export class NewCommentDto {
  @ApiProperty({ example: 'Sam Neighbour' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'sam@example.org', description: 'Never published; a confirmation link is sent to it' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email!: string;

  @ApiProperty({ enum: SENTIMENTS })
  @IsIn(SENTIMENTS)
  sentiment!: (typeof SENTIMENTS)[number];

  @ApiProperty({ enum: TOPICS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TOPICS.length)
  @IsIn(TOPICS, { each: true })
  topics!: Array<(typeof TOPICS)[number]>;

  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH, description: 'Plain text; kept and shown as text only' })
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH)
  text!: string;
}

export class ConfirmCommentDto {
  @ApiProperty({ description: 'The token of the link in the confirmation message' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the token of a confirmation link' })
  token!: string;
}

/** One text range [start, end) of the comment withheld from the published copy, and why. */
export class RedactionDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(COMMENT_MAX_LENGTH) start!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(COMMENT_MAX_LENGTH) end!: number;
  @ApiProperty({ example: 'personal data: a phone number' }) @IsString() @Length(1, 200) reason!: string;
}

export class PublishCommentDto {
  @ApiPropertyOptional({ type: [RedactionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RedactionDto)
  redactions!: RedactionDto[];
}
