import { CHANNELS, LANGUAGES } from '@onewindow/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class InboxQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Notification ids; omit to mark all read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[0-9]{1,18}$/, { each: true, message: 'ids must be notification ids' })
  ids?: string[];
}

export class PreferencesDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: 'en' | 'zh-CN';

  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(CHANNELS, { each: true })
  channels!: Array<'email' | 'webhook' | 'in-app'>;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'https:// (or http:// for development) receiver' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  webhookUrl?: string | null;

  @ApiPropertyOptional({ description: 'Issue a new webhook signing secret' })
  @IsOptional()
  @IsBoolean()
  rotateWebhookSecret?: boolean;
}

export class OutboxQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'requestId must be a UUID' })
  requestId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'parked'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'parked'])
  state?: 'pending' | 'delivered' | 'parked';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
