import type { InboxRow, OutboxRow } from '@onewindow/persistence';
import type { Preferences } from '@onewindow/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: [
      'action-needed',
      'decision',
      'deemed',
      'due-soon',
      'breach',
      'migrated',
      'document-issued',
      'document-changed',
    ],
  })
  kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty() language!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ description: 'ISO-8601 UTC' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601 UTC' }) readAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The IANA zone of its case's jurisdiction, in which its moment is read (null for no case)",
  })
  timeZone!: string | null;
}

export class InboxView {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty() unread!: number;
}

export class PreferencesView {
  @ApiProperty() userId!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) email!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'HMAC-SHA256 key for X-OneWindow-Signature; shown to its owner only',
  })
  webhookSecret!: string | null;
}

export class DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty() dedupeKey!: string;
  @ApiProperty({ enum: ['email', 'webhook', 'in-app'] }) channel!: string;
  @ApiProperty() recipientId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) seq!: number | null;
  @ApiProperty() kind!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'parked'] }) state!: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty() nextAttemptAt!: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toNotificationView(row: InboxRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    language: row.language,
    requestId: row.requestId,
    createdAt: iso(row.createdAt) as string,
    readAt: iso(row.readAt),
    timeZone: row.timeZone,
  };
}

export function toDeliveryView(row: OutboxRow): DeliveryView {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    channel: row.channel,
    recipientId: row.recipientId,
    requestId: row.requestId,
    seq: row.seq,
    kind: row.kind,
    language: row.language,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: iso(row.createdAt) as string,
    deliveredAt: iso(row.deliveredAt),
    nextAttemptAt: iso(row.nextAttemptAt) as string,
  };
}

export function toPreferencesView(p: Preferences): PreferencesView {
  return {
    userId: p.userId,
    language: p.language,
    channels: p.channels,
    email: p.email,
    webhookUrl: p.webhookUrl,
    webhookSecret: p.webhookSecret,
  };
}
